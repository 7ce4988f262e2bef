import { sveltekit } from '@sveltejs/kit/vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const api = process.env.ESSAIM_API_URL ? new URL(process.env.ESSAIM_API_URL).origin : 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [sveltekit()],
  resolve: {
    alias: {
      '@essaim/domain': fileURLToPath(new URL('../../libs/domain/src/index.ts', import.meta.url)),
    },
  },
  server: {
    // `npm run dev`: the API runs on its own port; the browser talks to Vite only.
    proxy: {
      '/graphql': { target: api, ws: true, changeOrigin: false },
      '/healthz': api,
      '/open-data': api,
    },
  },
});
