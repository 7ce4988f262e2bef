import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ out: 'build', precompress: false }),
    // Hashes for SvelteKit's own inline bootstrap script; nothing else inline, nothing remote.
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self'],
        // Only SvelteKit's own route announcer (a visually hidden live region) has a style
        // attribute: allow exactly that one by its hash. Our components never use style="".
        'style-src-attr': ['unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
        'img-src': ['self', 'data:'],
        'font-src': ['self'],
        // 'self' covers same-origin ws:/wss: (CSP Level 3); any other WebSocket host is refused.
        'connect-src': ['self'],
        'form-action': ['self'],
        'base-uri': ['self'],
        'object-src': ['none'],
        'frame-ancestors': ['none'],
      },
    },
    alias: {
      '@essaim/domain': '../../libs/domain/src/index.ts',
    },
  },
};

export default config;
