/**
 * `node .bench/build/bench/check-fleet.js N` (after `npx tsc -p bench/tsconfig.json`): builds the
 * production environment of the fleet with N services and times the readiness check of its objects
 * alone, the figure that shows whether a rule grows faster than the number of objects.
 */
import { collectManifests } from '../lib/output/collect';
import { checkManifestFiles } from '../lib/readiness/located';
import { buildFleet, FLEET_ENVIRONMENTS } from './fleet';

const services = Number(process.argv[2] ?? '1000');
const production = FLEET_ENVIRONMENTS.find((e) => e.name === 'production')!;
const files = collectManifests(buildFleet(services, [production]));
const start = process.hrtime.bigint();
const report = checkManifestFiles(files, { pack: 'production' });
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
process.stdout.write(
  `${services} services, ${report.summary.objects} objects: checked in ${seconds.toFixed(2)} s ` +
    `(${Math.round(report.summary.objects / seconds)} objects/s), ${report.summary.errors} errors\n`,
);
