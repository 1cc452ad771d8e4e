import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

// The build lands in the jar's class path (io/multibot/console/), where management-server's
// ConsoleServlet serves it. `npm run dev` proxies the API to a local management server.
export default defineConfig({
  plugins: [vue()],
  base: '/',
  build: {
    outDir: 'target/classes/io/multibot/console',
    emptyOutDir: true,
    assetsDir: 'assets',
    // No inline scripts or data-URL modules: the server's Content-Security-Policy forbids them.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: { '/api': 'http://localhost:9080' },
  },
  test: {
    environment: 'jsdom',
    include: ['tests/**/*.test.ts'],
  },
});
