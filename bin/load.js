'use strict';
// Loads a module of this package: the TypeScript source through tsx (a dev dependency) in a
// checkout, or the compiled build/ of an installed package. `relative` has no extension,
// e.g. 'lib/cli/main'.
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');

function hasTsx() {
  try {
    require.resolve('tsx/cjs/api');
    return true;
  } catch {
    return false;
  }
}

module.exports = function load(relative) {
  const source = path.join(root, `${relative}.ts`);
  const built = path.join(root, 'build', `${relative}.js`);
  if (fs.existsSync(source) && hasTsx()) return require('tsx/cjs/api').require(source, __filename);
  if (fs.existsSync(built)) return require(built);
  throw new Error(
    `cdk8s-production: cannot load ${relative}: neither its source with tsx nor build/ exists; run \`npm ci\` (or \`npm run build\`)`,
  );
};
