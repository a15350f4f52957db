import { msg, str } from '@lit/localize';
import type { SessionNotice } from '../../session/notices.js';

/** A map's notice in words (French first; English in src/i18n). */
export function noticeText(notice: SessionNotice | undefined): string {
  if (!notice) return '';
  switch (notice.code) {
    case 'link-ignored':
      return msg('Une partie du lien ne correspond plus à cette carte : elle a été ignorée.', { id: 'permalink.ignored' });
    case 'table-unknown':
      return msg('Le lien désigne un tableau inconnu.', { id: 'table.link.unknown' });
    case 'record-layer-unknown':
      return msg('Le lien désigne une couche inconnue : la fiche ne peut pas être ouverte.', { id: 'popup.link.unknownLayer' });
    case 'record-missing':
      return msg(str`La fiche « ${notice.featureId} » n'existe plus dans cette couche.`, { id: 'popup.link.notFound' });
    case 'identify-asking':
      return msg('Recherche des informations…', { id: 'popup.asking' });
    case 'identify-found':
      return msg(str`${notice.count} objets trouvés à cet endroit`, { id: 'popup.found' });
    case 'identify-nothing':
      return msg('Rien à cet endroit.', { id: 'popup.nothing' });
    case 'search-centred':
      return msg(str`Carte centrée sur « ${notice.label} »`, { id: 'search.centred' });
    case 'text':
      return notice.text;
  }
}
