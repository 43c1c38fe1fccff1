import { Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { CrossAccountLink } from '../blocks/link/cross-account-link';
import { TenantPostgres } from '../blocks/postgres/tenant-postgres';
import { TenantKey } from '../core/tenant-key';

/** Whether the app of a scope already carries the collision check. */
const CHECKED = new WeakSet<IConstruct>();

/**
 * Finds, across every stack of an app, what would collide at deploy time because its name is
 * fixed per tenant: two `TenantKey`s of one tenant in one account and region (the alias
 * `alias/tenant-blocks/<tenantId>`), two `CrossAccountLink`s of one tenant in one account (the IAM
 * role `tenant-blocks-link-<tenantId>`, global), two `TenantPostgres` of one tenant in one stack
 * (the backup vault `tenant-<tenantId>-<stack>`). `Tenant` adds the check to its app; hand-wired
 * apps add it with {@link TenantCollisions.addTo}.
 *
 * What `Tenant` checks is part of its stable behaviour; this class, and the wording of its
 * messages, are not.
 *
 * Not stable API: exported for the blocks' own use, it may change in any release (README, "What is stable").
 */
export class TenantCollisions {
  /**
   * Adds the check to the app of `scope`, once: `app.synth()` then fails with every collision.
   *
   * @param scope any construct of the app
   */
  public static addTo(scope: IConstruct): void {
    const root = scope.node.root;
    if (CHECKED.has(root)) return;
    CHECKED.add(root);
    root.node.addValidation({ validate: () => TenantCollisions.find(root) });
  }

  /**
   * Every collision in the app of `scope`, one message each (empty when there is none).
   *
   * @param scope any construct of the app
   */
  public static find(scope: IConstruct): string[] {
    const all = scope.node.root.node.findAll();
    const problems: string[] = [];
    const report = <T extends IConstruct>(items: T[], keyOf: (c: T) => string, what: (c: T) => string) => {
      const groups = new Map<string, T[]>();
      for (const c of items) groups.set(keyOf(c), [...(groups.get(keyOf(c)) ?? []), c]);
      for (const group of groups.values()) {
        if (group.length > 1) problems.push(`${what(group[0])}: ${group.map((c) => c.node.path).join(', ')}`);
      }
    };
    const env = (c: IConstruct) => {
      const s = Stack.of(c);
      return { account: Token.isUnresolved(s.account) ? '(deploy-time account)' : s.account, region: Token.isUnresolved(s.region) ? '(deploy-time region)' : s.region };
    };
    report(all.filter((c): c is TenantKey => c instanceof TenantKey), (k) => `${env(k).account}/${env(k).region}/${k.tenantId}`,
      (k) => `two keys of tenant "${k.tenantId}" in account ${env(k).account} and region ${env(k).region} would both create the alias alias/tenant-blocks/${k.tenantId}; keep one key per tenant and pass it to every block (or use a Tenant)`);
    report(all.filter((c): c is CrossAccountLink => c instanceof CrossAccountLink), (l) => `${env(l).account}/${l.tenantId}`,
      (l) => `two links of tenant "${l.tenantId}" in account ${env(l).account} would both create the IAM role ${CrossAccountLink.roleNameFor(l.tenantId)} (IAM is global); keep one link per tenant and account`);
    report(all.filter((c): c is TenantPostgres => c instanceof TenantPostgres), (d) => `${Stack.of(d).node.path}/${d.tenantId}`,
      (d) => `two databases of tenant "${d.tenantId}" in the stack ${Stack.of(d).node.path} would both create the backup vault tenant-${d.tenantId}-<stack>; put the second one in another stack`);
    return problems;
  }

  private constructor() {}
}
