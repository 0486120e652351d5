/**
 * The benchmark's synth process: `node fleet-synth.js --services N --out DIR [--json FILE]`.
 * Builds the fleet and writes it with the same collectManifests + writeOutput as `apps/synth.ts`.
 * With --json it also saves the plain objects, per file, for the serialization floor and Kustomize.
 */
import * as fs from 'fs';
import { collectManifests } from '../lib/output/collect';
import { writeOutput } from '../lib/output/write';
import { buildFleet } from './fleet';
import { optionValue } from './options';

const argv = process.argv.slice(2);
const services = Number(optionValue(argv, '--services', '10'));
const out = optionValue(argv, '--out', '.bench/out');
const json = optionValue(argv, '--json', '');

const manifests = collectManifests(buildFleet(services));
writeOutput(out, manifests);
if (json) fs.writeFileSync(json, JSON.stringify(manifests));
