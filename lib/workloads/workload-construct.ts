import { ApiObject } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { apiObjectsOf } from '../core/api-objects';

/**
 * What every workload construct of this library is besides its own parts: a set of pods that cdk8s-plus
 * accepts wherever it expects a pod selector or a network-policy peer, and a tree of ApiObjects to patch.
 * The pods are those of every release track (stable and canary share `app.kubernetes.io/name` and
 * differ only in instance) in the workload's namespace.
 */
export abstract class WorkloadConstruct extends Construct implements kplus.IPodSelector, kplus.INetworkPolicyPeer {
  /** `app.kubernetes.io/name` of the pods, and the name of every object. */
  public abstract readonly name: string;
  /** Namespace of the pods. */
  public abstract readonly namespace: string;

  /** Every ApiObject this workload made (nested tracks and secrets included), for escape-hatch patches. */
  public get apiObjects(): ApiObject[] {
    return apiObjectsOf(this);
  }

  /** cdk8s-plus interop: the pods as a pod selector, e.g. a `kplus.NetworkPolicy` `selector`. */
  public toPodSelectorConfig(): kplus.PodSelectorConfig {
    return {
      labelSelector: kplus.LabelSelector.of({ labels: { 'app.kubernetes.io/name': this.name } }),
      namespaces: { names: [this.namespace] },
    };
  }

  /** cdk8s-plus interop: the pods as a network-policy peer, e.g. in `kplus.NetworkPolicy.addIngressRule`. */
  public toNetworkPolicyPeerConfig(): kplus.NetworkPolicyPeerConfig {
    return { podSelector: this.toPodSelectorConfig() };
  }

  /** cdk8s-plus interop: the pod selector behind this peer (the workload itself). */
  public toPodSelector(): kplus.IPodSelector {
    return this;
  }
}
