/**
 * Builds the admin app into dist/, which `pnpm start` serves at `/` beside the API.
 * In development (`pnpm --filter @plan-tracker/admin dev`) Vite serves the app and forwards
 * `/graphql` to a running API (API_URL, default http://localhost:4000), so the session cookie
 * and CSRF protection work exactly as they do on the single production origin.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // GOV.UK Frontend keeps an old-browser media query hack (`min-width: 0\0`) that Lightning
    // CSS refuses to minify; esbuild minifies it as written.
    cssMinify: 'esbuild',
  },
  server: {
    proxy: {
      '/graphql': { target: process.env.API_URL ?? 'http://localhost:4000', changeOrigin: false },
      '/reports': { target: process.env.API_URL ?? 'http://localhost:4000', changeOrigin: false },
    },
  },
  css: {
    preprocessorOptions: {
      // GOV.UK Frontend's Sass still triggers deprecation notices from newer Dart Sass; they are
      // the library's to fix, and they drown out our own warnings.
      scss: { quietDeps: true },
    },
  },
});
