import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/**
 * `npm run dev` serves the SPA with hot reload and forwards `/api` to the local
 * stack (`npm start`, port 3000), so the browser sees one origin as it does when
 * the API serves the built SPA itself.
 */
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { "/api": "http://127.0.0.1:3000" },
  },
});
