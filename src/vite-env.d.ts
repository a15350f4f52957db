/// <reference types="vite/client" />
declare module 'virtual:cartable/site' {
  const site: import('./context/types.js').SiteConfig;
  export default site;
}
