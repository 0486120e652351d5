import { App } from 'cdk8s';
import { Construct } from 'constructs';
import { collectManifests, writeOutput } from '../lib';
import { environments } from './config';
import { applicationStack } from './stacks/application';
import { etcdBackupStack } from './stacks/etcd-backup';

const outdir = process.env.CDK8S_OUTDIR ?? 'dist';
const app = new App();
for (const env of environments.all) {
  const stage = new Construct(app, env.name);
  applicationStack(stage, env);
  etcdBackupStack(stage, env);
}
writeOutput(outdir, collectManifests(app));
