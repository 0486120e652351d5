import { App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { collectManifests, writeOutput } from '../lib';
import { orderApi } from './services/order-api';

const outdir = process.env.CDK8S_OUTDIR ?? 'dist';
const app = new App();
const production = new Construct(app, 'production');
orderApi(new Chart(production, 'order-api', { namespace: 'production', disableResourceNameHashes: true }));
writeOutput(outdir, collectManifests(app));
