/**
 * What a map says to the person in a quiet notice, as a code: the words are the UI's
 * (src/ui/map-view/notice-text.ts), so the session and its controllers stay free of wording.
 */
export type SessionNotice =
  /** Part of the start link no longer matches the map: it was ignored. */
  | { readonly code: 'link-ignored' }
  /** The link names a table the map does not have. */
  | { readonly code: 'table-unknown' }
  /** The link (or a command) names a layer with no records. */
  | { readonly code: 'record-layer-unknown' }
  /** The feature a link names is no longer in its layer. */
  | { readonly code: 'record-missing'; readonly featureId: string }
  /** Services are asked what lies at a clicked place. */
  | { readonly code: 'identify-asking' }
  /** Several records were found at a clicked place. */
  | { readonly code: 'identify-found'; readonly count: number }
  /** Nothing lies at a clicked place. */
  | { readonly code: 'identify-nothing' }
  /** The map was centred on a place found by search. */
  | { readonly code: 'search-centred'; readonly label: string }
  /** Words already put together by the code that reports them (e.g. added layers). */
  | { readonly code: 'text'; readonly text: string };

export type NoticeCode = SessionNotice['code'];
