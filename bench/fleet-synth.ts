/**
 * The benchmark's synth process: `node fleet-synth.js --services N --out DIR [--check] [--json FILE]`.
 * Builds, collects and writes one environment at a time with an OutputWriter, letting each go
 * before the next, so peak memory follows the largest environment rather than the whole fleet.
 * With --check each environment passes the production pack's readiness check before it is written,
 * as `npm run synth` checks each output folder. With --json it also saves the plain objects, per
 * file, for the serialization floor and Kustomize.
 */
import * as fs from 'fs';
import { collectManifests, ManifestFile } from '../lib/output/collect';
import { assertReady } from '../lib/readiness/located';
import { OutputWriter } from '../lib/output/write';
import { buildFleet, FLEET_ENVIRONMENTS } from './fleet';
import { hasFlag, optionValue } from './options';

const argv = process.argv.slice(2);
const services = Number(optionValue(argv, '--services', '10'));
const out = optionValue(argv, '--out', '.bench/out');
const json = optionValue(argv, '--json', '');
const check = hasFlag(argv, '--check');

const writer = new OutputWriter(out);
const saved: ManifestFile[] = [];
for (const shape of FLEET_ENVIRONMENTS) {
  const manifests = collectManifests(buildFleet(services, [shape]));
  if (check) assertReady(manifests, { pack: 'production' });
  writer.write(manifests);
  if (json) saved.push(...manifests);
}
writer.finish();
if (json) fs.writeFileSync(json, JSON.stringify(saved));
