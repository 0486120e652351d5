/**
 * The benchmark's synth process: `node fleet-synth.js --services N --out DIR [--json FILE]`.
 * Builds, collects and writes one environment at a time with an OutputWriter, letting each go
 * before the next, so peak memory follows the largest environment rather than the whole fleet.
 * With --json it also saves the plain objects, per file, for the serialization floor and Kustomize.
 */
import * as fs from 'fs';
import { collectManifests, ManifestFile } from '../lib/output/collect';
import { OutputWriter } from '../lib/output/write';
import { buildFleet, FLEET_ENVIRONMENTS } from './fleet';
import { optionValue } from './options';

const argv = process.argv.slice(2);
const services = Number(optionValue(argv, '--services', '10'));
const out = optionValue(argv, '--out', '.bench/out');
const json = optionValue(argv, '--json', '');

const writer = new OutputWriter(out);
const saved: ManifestFile[] = [];
for (const shape of FLEET_ENVIRONMENTS) {
  const manifests = collectManifests(buildFleet(services, [shape]));
  writer.write(manifests);
  if (json) saved.push(...manifests);
}
writer.finish();
if (json) fs.writeFileSync(json, JSON.stringify(saved));
