interface ImportMetaEnv {
  /**
   * Origin of the HTTP API when it is elsewhere (set by `stacks/Web.ts` in AWS).
   * Unset locally: the API and the SPA share an origin.
   */
  readonly VITE_API_URL?: string;
}
