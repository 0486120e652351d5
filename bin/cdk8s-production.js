#!/usr/bin/env node
'use strict';
// Runs the command-line tool from the TypeScript sources in a checkout (through tsx, a dev
// dependency), or from the compiled build/ of an installed package.
const path = require('path');
const fs = require('fs');

const root = path.join(__dirname, '..');
const source = path.join(root, 'lib', 'cli', 'main.ts');
const built = path.join(root, 'build', 'lib', 'cli', 'main.js');

function hasTsx() {
  try {
    require.resolve('tsx/cjs/api');
    return true;
  } catch {
    return false;
  }
}

if (fs.existsSync(source) && hasTsx()) {
  require('tsx/cjs/api').require(source, __filename).main();
} else if (fs.existsSync(built)) {
  require(built).main();
} else {
  process.stderr.write('cdk8s-production: neither the sources with tsx nor build/ were found; run `npm ci` (or `npm run build`)\n');
  process.exitCode = 2;
}
