import { css } from 'lit';

/**
 * The site's header and footer (cartable-site-header, cartable-site-footer), also written into the
 * build's static pages with :host made the element's class (every rule starts with :host, so none leaks there). `.dsfr`: the State design system's layout
 * (white header, bloc-marque, blue rule over the footer); colours always come from the tokens.
 */
export const siteHeaderStyles = css`
  :host {
    display: block;
    background: var(--cartable-header-bg);
    color: var(--cartable-header-text);
  }
  :host .body {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    max-width: 72rem;
    margin: 0 auto;
    padding: 0.75rem clamp(1rem, 4vw, 2.5rem);
  }
  :host .brand {
    display: flex;
    flex: 1 1 auto;
    align-items: center;
    gap: 0.5rem 1.5rem;
    min-width: 0;
  }
  :host .brand img {
    height: 2.25rem;
  }
  :host .service {
    min-width: 0;
  }
  :host .service-title {
    display: block;
    color: inherit;
    font-weight: 700;
    font-size: 1.15rem;
    line-height: 1.3;
    text-decoration: none;
  }
  :host .service-title:hover {
    text-decoration: underline;
  }
  :host .tagline {
    margin: 0.15rem 0 0;
    font-size: 0.875rem;
  }
  :host .tools {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  :host .dsfr {
    border-bottom: 1px solid var(--cartable-border);
  }
  :host .dsfr .body {
    padding-block: 1rem;
  }
  :host .dsfr .service-title {
    font-size: 1.25rem;
  }
  :host .fr-logo {
    margin: 0;
  }
  @media (max-width: 47.9375rem) {
    :host .dsfr .body {
      padding-block: 0.5rem;
    }
    :host .brand {
      gap: 0.5rem 1rem;
    }
    :host .dsfr .service-title {
      font-size: 1.05rem;
    }
    :host .tagline {
      display: none;
    }
    /* The phone bloc-marque: the package's small logo size. */
    :host .fr-logo {
      font-size: 0.7875rem;
    }
  }
`;

export const siteFooterStyles = css`
  :host {
    display: block;
    background: var(--cartable-surface);
    color: var(--cartable-text);
  }
  :host .default {
    border-top: 1px solid var(--cartable-border);
  }
  :host .dsfr {
    border-top: 2px solid var(--cartable-accent);
  }
  :host .body {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 1rem 2.5rem;
    max-width: 72rem;
    margin: 0 auto;
    padding: 1.5rem clamp(1rem, 4vw, 2.5rem) 0.5rem;
  }
  :host .brand {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 1rem 1.5rem;
  }
  :host .brand a {
    color: inherit;
    font-weight: 700;
    text-decoration: none;
  }
  :host .fr-logo {
    margin: 0;
  }
  :host ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
  }
  :host .state-sites {
    gap: 0.5rem 1.5rem;
    font-weight: 700;
    font-size: 0.875rem;
  }
  :host .state-sites a {
    color: var(--cartable-text);
    text-decoration: none;
  }
  :host .state-sites a:hover {
    text-decoration: underline;
  }
  :host .bottom {
    max-width: 72rem;
    margin: 0 auto;
    padding: 0.5rem clamp(1rem, 4vw, 2.5rem) 1.5rem;
  }
  :host .bottom ul {
    gap: 0.25rem 0;
    padding-top: 0.5rem;
    font-size: 0.875rem;
  }
  :host .dsfr .bottom ul {
    border-top: 1px solid var(--cartable-border);
  }
  :host .bottom li {
    display: flex;
    align-items: center;
  }
  :host .bottom li + li::before {
    content: '';
    display: inline-block;
    width: 1px;
    height: 1rem;
    margin: 0 0.75rem;
    background: var(--cartable-border);
  }
  :host .bottom a {
    display: inline-block;
    padding: 0.25rem 0;
    color: var(--cartable-muted);
  }
  @media (max-width: 47.9375rem) {
    /* Wrapped lines would start with a separator: spaced links instead. */
    :host .bottom ul {
      gap: 0.25rem 1.25rem;
    }
    :host .bottom li + li::before {
      display: none;
    }
  }
`;
