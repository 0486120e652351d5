import type { ObjectIndex } from './object-index';
import type { KubeObject, Rule, RuleContext, Violation } from './types';
import { PodTemplate, podTemplateOf, WORKLOAD_KINDS } from './workload';

/** The wording of a rule: what the registry, the docs and the reports show. */
export interface RuleText {
  /** Stable identifier, kebab-case. */
  readonly id: string;
  /** One line: what the rule demands. */
  readonly summary: string;
  /** Why it matters, citing the guide section, e.g. `Guide 16.4: …`. */
  readonly why: string;
  /** How to fix a violation. */
  readonly fix: string;
}

/** A rule over the pod template of every workload kind. */
export interface PodRuleDefinition extends RuleText {
  /**
   * The workload kinds to check.
   * @default - every workload kind (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob)
   */
  readonly kinds?: readonly string[];
  /** Returns the violations of one workload's pod template. */
  checkPod(template: PodTemplate, object: KubeObject, context: RuleContext): readonly Violation[];
}

/** The pod template of `object`, from the index when the check built one. */
export function templateFor(object: KubeObject, index: ObjectIndex): PodTemplate | undefined {
  return index.templateOf(object) ?? podTemplateOf(object);
}

/** Defines a rule over pod templates: the object's kind is dispatched and the template extracted once. */
export function podRule(definition: PodRuleDefinition): Rule {
  const { checkPod, kinds, ...text } = definition;
  return {
    ...text,
    kinds: kinds ?? WORKLOAD_KINDS,
    check(object, context) {
      const template = templateFor(object, context.index);
      return template ? checkPod(template, object, context) : [];
    },
  };
}

/** A rule over objects of given kinds. */
export interface ObjectRuleDefinition extends RuleText {
  /** The kinds to check. */
  readonly kinds: readonly string[];
  /** Returns the violations of one object. */
  check(object: KubeObject, context: RuleContext): readonly Violation[];
}

/** Defines a rule over objects of given kinds (identity, kept for symmetry with {@link podRule}). */
export function objectRule(definition: ObjectRuleDefinition): Rule {
  return definition;
}
