import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';

// index.html carries a strict Content-Security-Policy (no inline script, no eval). The dev
// server's React refresh preamble is an inline script and HMR needs a websocket, so the dev
// server serves the page without it; `vite build` and `vite preview` keep it.
function devWithoutCsp(): Plugin {
  return {
    name: 'anon-vma-forest:dev-without-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace(/\s*<meta\s+http-equiv="Content-Security-Policy"[^>]*>/, ''),
  };
}

// Relative base: the built page works from any sub-path (and inside an iframe on a blog).
export default defineConfig({
  base: './',
  plugins: [react(), devWithoutCsp()],
  build: {
    outDir: 'dist',
    sourcemap: true,
    // every browser the page supports knows <link rel="modulepreload">: no polyfill in the loader
    modulePreload: { polyfill: false },
  },
  preview: {
    host: 'localhost',
  },
});
