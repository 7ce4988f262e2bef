/** The web app is cruised from its own folder: SvelteKit's `$lib` alias and its tsconfig. */
const path = require('node:path');
const root = require('../../.dependency-cruiser.cjs');

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  ...root,
  options: {
    ...root.options,
    tsConfig: { fileName: 'tsconfig.json' },
    webpackConfig: { fileName: path.join(__dirname, 'scripts/lib-alias.cjs') },
  },
};
