/// <reference types="vite/client" />
declare module 'virtual:cartable/site' {
  const site: import('./context/types.js').SiteConfig;
  export default site;
}
declare module 'virtual:cartable/tokens' {
  /** Every design token's value for the site (src/theme/tokens.ts resolveTheme). */
  const tokens: import('./theme/tokens.js').Tokens;
  export default tokens;
}

declare module 'virtual:cartable/tokens.css';
