import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { fromYaml, ProductionService } from '../lib';
import { synthCheckout } from '../docs/examples/compose-your-own-service';
import { ROOT } from './support/manifests';

const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

test('the README shows the two commands of a new user', () => {
  expect(readme).toContain('npm ci && npm run synth');
  expect(readme).toContain('npm test');
});

test('the README shows the compose-your-own example unchanged', () => {
  const example = fs.readFileSync(path.join(ROOT, 'docs/examples/compose-your-own-service.ts'), 'utf8');
  expect(readme).toContain('```ts\n' + example + '```');
});

test('the compose-your-own example synthesizes a complete service', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-production-readme-'));
  synthCheckout(out);
  const objects = fromYaml(fs.readFileSync(path.join(out, 'shop/checkout.yaml'), 'utf8'));
  fs.rmSync(out, { recursive: true, force: true });
  expect(objects.map((o: any) => `${o.kind}/${o.metadata.name}`)).toEqual([
    'ServiceAccount/checkout',
    'Deployment/checkout',
    'Service/checkout',
    'HorizontalPodAutoscaler/checkout',
    'PodDisruptionBudget/checkout',
    'NetworkPolicy/checkout',
    'ServiceMonitor/checkout',
  ]);
});

test('the README error example is what the library prints', () => {
  const line = readme.split('\n').find((l) => l.startsWith('[shop/checkout/checkout] image'))!;
  const chart = new Chart(new Construct(new App(), 'shop'), 'checkout', { namespace: 'shop' });
  const build = () =>
    new ProductionService(chart, 'checkout', {
      image: 'registry.example.com/checkout:latest',
      resources: { cpu: { request: '1', limit: '1' }, memory: { request: '1Gi', limit: '1Gi' } },
    });
  expect(build).toThrow(expect.objectContaining({ message: line }));
});
