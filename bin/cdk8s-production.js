#!/usr/bin/env node
'use strict';
// The `cdk8s-production` command (see lib/cli/main.ts).
try {
  require('./load')('lib/cli/main').main();
} catch (e) {
  process.stderr.write(`${e.message}\n`);
  process.exitCode = 2;
}
