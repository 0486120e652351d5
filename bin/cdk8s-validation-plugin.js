'use strict';
// The cdk8s CLI validation plugin (see lib/cli/validation-plugin.ts), declared in cdk8s.yaml.
module.exports = require('./load')('lib/cli/validation-plugin');
