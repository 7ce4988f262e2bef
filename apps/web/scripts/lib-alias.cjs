// SvelteKit's `$lib` alias, for dependency-cruiser (apps/web/.dependency-cruiser.cjs).
const path = require('node:path');

module.exports = { resolve: { alias: { $lib: path.resolve(__dirname, '../src/lib') } } };
