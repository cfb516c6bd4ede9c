import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/**
 * `npm run dev` (at the repository root) serves the SPA with hot reload and
 * forwards `/api` to the local API it starts next to it (`API_PORT`, default
 * 3000), so the browser sees one origin as it does when the API serves the
 * built SPA itself (and as CloudFront serves both in AWS).
 */
export default defineConfig({
  plugins: [react()],
  // The repository root holds another React (SST's); the app and every library use this one.
  resolve: { dedupe: ["react", "react-dom"] },
  server: {
    host: "127.0.0.1",
    // `API_URL=<a stage's ApiUrl>` instead: the app against that stage's API (the `sst dev` loop).
    proxy: {
      "/api": {
        target: process.env.API_URL ?? `http://127.0.0.1:${process.env.API_PORT ?? "3000"}`,
        changeOrigin: true,
      },
    },
  },
  build: {
    // Recharts, the largest dependency, is its own chunk, loaded with the chart.
    chunkSizeWarningLimit: 600,
  },
});
