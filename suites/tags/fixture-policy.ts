import type { ApiRequest } from '../../engine/client/api-request.ts';
import { parseLimitHeaders } from '../../engine/client/rate-limit-headers.ts';
import { readPolicyTags } from '../../engine/journal/policy-list-reader.ts';
import { policyListRequest, type PolicyTags } from '../../engine/journal/policy-tags.ts';
import { WorkerJournal } from '../../engine/journal/worker-journal.ts';
import { ConformanceFailure } from '../../engine/run/conformance-failure.ts';
import type { RuleCase } from '../../engine/run/rule-test.ts';
import { harnessTarget, type CallResult, type HarnessTarget } from '../../engine/run/target.ts';
import { tagTargetOfProfile, type TagTarget } from '../../generators/tags/tag-world.ts';

/** An asset tag of the profile's fixtures. */
export interface FixtureTag {
  id: number;
  name: string;
}

/** A tag action sent and the policy read back after it. */
export interface SentStep {
  result: CallResult;
  before: PolicyTags;
  after: PolicyTags;
}

/**
 * The fixture policy the tags suite changes (the profile's first `fixtures.policyIds`). Every
 * tag action goes through `send`, which journals the policy before the first one and reads
 * the policy back after each one, so the state before the next step is always known.
 */
export class FixturePolicy {
  readonly id: number;
  readonly target: TagTarget;
  readonly #harness: HarnessTarget;
  readonly #journal: WorkerJournal;
  #state: PolicyTags | undefined;
  /** False after a step that was not read back: #state may be out of date. */
  #fresh = false;
  /** X-RateLimit-Remaining of the last answer, when the target sent it. */
  lastRemaining: number | undefined;

  constructor(harness: HarnessTarget) {
    this.#harness = harness;
    this.target = tagTargetOfProfile(harness.config.profile);
    this.id = this.target.policyId;
    this.#journal = WorkerJournal.forRun(harness.config);
  }

  /** The fixture tags (two or more), in profile order. */
  get tags(): readonly FixtureTag[] {
    return this.target.world.tags;
  }

  /** The first two fixture tags; `fixturePolicy` skips a profile with fewer. */
  get pair(): [FixtureTag, FixtureTag] {
    const [a, b] = this.tags;
    if (a === undefined || b === undefined) throw new Error('fixtures.tags needs two tags');
    return [a, b];
  }

  /**
   * The policy's tags as last read (reading them when nothing was read yet): 0 or 1 call.
   * After a rejected step that was not read back they may be out of date: enough to judge a
   * request the model rejects whatever the tags are, not to predict an accepted one.
   * @throws ConformanceFailure when the list does not show the policy
   */
  async current(): Promise<PolicyTags> {
    this.#state ??= await this.read();
    return this.#state;
  }

  /** The policy's tags, read again unless the last step read them back: 0 or 1 call. */
  async fresh(): Promise<PolicyTags> {
    return this.#fresh && this.#state !== undefined ? this.#state : this.read();
  }

  /**
   * Reads the policy with action=list (1 call).
   * @throws ConformanceFailure when the answer is no policy list or lacks the policy
   */
  async read(): Promise<PolicyTags> {
    const result = await this.#call(policyListRequest(this.id, 'tags read-back'));
    const reading = readPolicyTags(result.text, this.id);
    if (reading.kind !== 'found') {
      throw new ConformanceFailure({
        message: `the policy list does not show fixture policy ${this.id}`,
        received:
          reading.kind === 'absent' ? 'a POLICY_LIST_OUTPUT without that POLICY' : reading.reason,
        documented: 'action=list&ids=ID&details=Basic lists the policy (NOTES.md section c)',
        request: result.described,
        curl: result.curl,
        responseExcerpt: result.text.slice(0, 600),
      });
    }
    this.#state = reading.tags;
    this.#fresh = true;
    return reading.tags;
  }

  /**
   * Sends a tag action and reads the policy back (2 calls, plus 1 before the run's first
   * change, to journal the policy).
   * @param readBack false: skip the read-back (1 call); `after` is then `before`
   * @throws CallDeferred when the governor refuses, or the run is restoring
   */
  async send(request: ApiRequest, readBack = true): Promise<SentStep> {
    await this.#journal.beforeChange(this.id, () => this.read());
    const before = readBack ? await this.fresh() : await this.current();
    const result = await this.#call(request);
    this.#fresh = false;
    const after = readBack ? await this.read() : before;
    return { result, before, after };
  }

  async #call(request: ApiRequest): Promise<CallResult> {
    const result = await this.#harness.call(request);
    this.lastRemaining = parseLimitHeaders(result.headers).remaining ?? this.lastRemaining;
    return result;
  }
}

let shared: FixturePolicy | undefined;

/**
 * The fixture policy for a rule's test, or a skip with the reason when the profile does not
 * let the run change one: `allow.modifyPolicies`, `fixtures.policyIds`, two `fixtures.tags`
 * and the Asset Tagging service are needed.
 */
export function fixturePolicy(ruleCase: RuleCase): FixturePolicy {
  const harness = harnessTarget();
  const { profile } = harness.config;
  if (!profile.allow.modifyPolicies) {
    ruleCase.skip(
      'allow.modifyPolicies is false: the tag actions change a policy; set it to true and list ' +
        'the policies this run may change in fixtures.policyIds',
    );
  }
  if (profile.fixtures.policyIds.length === 0) {
    ruleCase.skip('fixtures.policyIds is empty: list a compliance policy this run may change');
  }
  if (profile.fixtures.tags.length < 2) {
    ruleCase.skip(
      'fixtures.tags lists fewer than two asset tags: list two tags (id and name) of the ' +
        'subscription the run may assign to the fixture policy',
    );
  }
  if (!profile.subscription.assetTagging) {
    ruleCase.skip(
      'subscription.assetTagging is false: the tag actions need the Asset Tagging service',
    );
  }
  shared ??= new FixturePolicy(harness);
  return shared;
}
