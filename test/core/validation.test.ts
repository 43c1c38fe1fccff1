import { Duration, Token } from 'aws-cdk-lib';
import { MaintenanceWindow, PropsValidation, TenantTier } from '../../src';

function check(fn: (v: PropsValidation) => void): string[] {
  const v = new PropsValidation('TestBlock', 'acme');
  fn(v);
  return v.problems;
}

describe('PropsValidation', () => {
  test('throws one error naming the construct and tenant and listing every problem on its own line', () => {
    // GIVEN
    const v = new PropsValidation('TenantPostgres', 'acme');
    v.cidrs('allowedCidrs', ['10.0.0.0/16', '0.0.0.0/0'], { exposes: 'the database' });
    v.number('maxCapacity', { min: 1, max: 256, step: 0.5, unit: 'ACUs' }, 300);
    // THEN
    expect(() => v.throwIfInvalid()).toThrow(
      'Invalid TenantPostgres props for tenant "acme":\n' +
        "- allowedCidrs[1]: opens the database to the whole internet; list the client networks instead (got: '0.0.0.0/0')\n" +
        '- maxCapacity: must be between 1 and 256 ACUs in steps of 0.5 (got: 300)',
    );
  });

  test('does not throw when there is no problem', () => {
    const v = new PropsValidation('TestBlock', 'acme');
    v.tenantId('tenantId', 'acme');
    expect(v.isValid).toBe(true);
    expect(() => v.throwIfInvalid()).not.toThrow();
  });

  test.each(['acme', 'a1b', 'tenant-42', 'a'.repeat(31)])('accepts tenant id %s', (id) => {
    expect(check((v) => v.tenantId('tenantId', id))).toEqual([]);
  });

  test.each([
    ['Acme', '^[a-z][a-z0-9-]{2,30}$'],
    ['ab', '^[a-z][a-z0-9-]{2,30}$'],
    ['1abc', '^[a-z][a-z0-9-]{2,30}$'],
    ['a'.repeat(32), '^[a-z][a-z0-9-]{2,30}$'],
    ['acme_corp', '^[a-z][a-z0-9-]{2,30}$'],
    ['acme-', 'must not end with a hyphen'],
    ['ac--me', 'two hyphens in a row'],
  ])('rejects tenant id %s', (id, message) => {
    const problems = check((v) => v.tenantId('tenantId', id));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('- tenantId: ');
    expect(problems[0]).toContain(message);
    expect(problems[0]).toContain(`(got: '${id}')`);
  });

  test('rejects a tenant id that is a token (it names resources at synth time)', () => {
    expect(check((v) => v.tenantId('tenantId', Token.asString({ Ref: 'P' })))[0]).toContain('not a token');
  });

  test('rejects a missing tenant id', () => {
    expect(check((v) => v.tenantId('tenantId', undefined))[0]).toContain('is required');
  });

  describe('cidrs', () => {
    test.each([
      [['10.0.0.0/8', '192.168.1.0/24', '203.0.113.7/32']],
      [['2001:db8::/32', '2001:db8:0:1::/64', '::1/128']],
      [[]],
    ])('accepts %j', (cidrs) => {
      expect(check((v) => v.cidrs('allowedCidrs', cidrs))).toEqual([]);
    });

    test.each([
      ['10.0.0.1/16', 'has host bits set; use the network address 10.0.0.0/16'],
      ['2001:db8::1/32', 'has host bits set; use the network address 2001:db8::/32'],
      ['10.0.0.0', 'has no prefix length'],
      ['10.0.0.0/33', 'prefix length over 32'],
      ['2001:db8::/129', 'prefix length over 128'],
      ['300.0.0.0/8', 'not a valid IPv4 address'],
      ['10.0.0/24', 'not a valid IPv4 address'],
      ['01.0.0.0/8', 'not a valid IPv4 address'],
      ['2001:db8:::/32', 'not a valid IPv6 address'],
      ['gggg::/16', 'not a valid IPv6 address'],
      ['10.0.0.0/x', 'invalid prefix length'],
      ['0.0.0.0/0', 'whole internet'],
      ['::/0', 'whole internet'],
    ])('rejects %s', (cidr, message) => {
      const problems = check((v) => v.cidrs('allowedCidrs', ['10.1.0.0/16', cidr]));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^- allowedCidrs\[1\]: /);
      expect(problems[0]).toContain(message);
      expect(problems[0]).toContain(`(got: '${cidr}')`);
    });

    test.each([
      ['0.0.0.0/1', '/8'],
      ['128.0.0.0/1', '/8'],
      ['10.0.0.0/7', '/8'],
      ['2000::/3', '/32'],
      ['2001:d00::/24', '/32'],
    ])('rejects %s: the internet in pieces is still the internet', (cidr, floor) => {
      const problems = check((v) => v.cidrs('allowedCidrs', [cidr]));
      expect(problems).toEqual([
        `- allowedCidrs[0]: covers a large part of the internet (prefixes shorter than ${floor} are not client networks); list the client networks instead (got: '${cidr}')`,
      ]);
    });

    test('accepts the shortest client prefixes (/8, /32)', () => {
      expect(check((v) => v.cidrs('allowedCidrs', ['10.0.0.0/8', '2001:db8::/32']))).toEqual([]);
    });

    test('allows the whole internet only when the block says so', () => {
      expect(check((v) => v.cidrs('allowedCidrs', ['0.0.0.0/0', '::/0'], { allowWholeInternet: true }))).toEqual([]);
    });

    test('reports duplicates, including the same network written differently', () => {
      const problems = check((v) => v.cidrs('allowedCidrs', ['10.0.0.0/16', '10.0.0.0/16', '2001:db8::/32', '2001:db8:0::/32']));
      expect(problems).toEqual([
        "- allowedCidrs[1]: duplicates allowedCidrs[0] (got: '10.0.0.0/16')",
        "- allowedCidrs[3]: duplicates allowedCidrs[2] (got: '2001:db8:0::/32')",
      ]);
    });

    test('reports more than 50 entries', () => {
      const many = Array.from({ length: 51 }, (_, i) => `10.${i}.0.0/16`);
      expect(check((v) => v.cidrs('allowedCidrs', many))).toEqual([
        "- allowedCidrs: lists at most 50 CIDR blocks (each one is a security group rule) (got: '51 entries')",
      ]);
    });

    test('lets tokens pass only when the block allows them (platform-side values)', () => {
      expect(check((v) => v.cidrs('allowedCidrs', [Token.asString({ Ref: 'Cidr' })], { allowTokens: true }))).toEqual([]);
      expect(check((v) => v.cidrs('allowedCidrs', Token.asList({ Ref: 'Cidrs' }), { allowTokens: true }))).toEqual([]);
    });
  });

  describe('numbers and durations', () => {
    const range = { min: 1, max: 256, step: 0.5, unit: 'ACUs' };
    test.each([1, 1.5, 256, 128])('accepts %d', (n) => {
      expect(check((v) => v.number('maxCapacity', range, n))).toEqual([]);
    });
    test.each([0.5, 256.5, 1.25, NaN, -1])('rejects %d', (n) => {
      expect(check((v) => v.number('maxCapacity', range, n))[0]).toContain('must be between 1 and 256 ACUs in steps of 0.5');
    });
    test('whole-number ranges say so', () => {
      expect(check((v) => v.number('n', { min: 1, max: 10, step: 1 }, 2.5))[0]).toBe('- n: must be between 1 and 10, a whole number (got: 2.5)');
    });
    test('durations out of range are reported in human form', () => {
      const r = { min: Duration.days(1), max: Duration.days(35) };
      expect(check((v) => v.duration('backupRetention', r, Duration.days(36)))).toEqual([
        '- backupRetention: must be between 1 day and 35 days (got: 36 days)',
      ]);
      expect(check((v) => v.duration('backupRetention', r, Duration.days(35)))).toEqual([]);
      expect(check((v) => v.duration('backupRetention', r, undefined))).toEqual([]);
    });
    test('whole days', () => {
      expect(check((v) => v.wholeDays('backupRetention', Duration.hours(36)))[0]).toContain('whole number of days');
      expect(check((v) => v.wholeDays('backupRetention', Duration.days(2)))).toEqual([]);
    });
    test('tokens pass only when allowed', () => {
      expect(check((v) => v.number('n', { ...range, allowTokens: true }, Token.asNumber({ Ref: 'N' })))).toEqual([]);
    });
  });

  test.each(['DEVELOPMENT', 'PRODUCTION'])('accepts tier %s', (tier) => {
    expect(check((v) => v.tier('tier', tier as TenantTier))).toEqual([]);
  });

  test.each(['production', 'STAGING', ''])('rejects tier %j (an unknown tier must never fall through to destroyable settings)', (tier) => {
    expect(check((v) => v.tier('tier', tier as TenantTier))).toEqual([
      `- tier: must be one of TenantTier.DEVELOPMENT, TenantTier.PRODUCTION (got: '${tier}')`,
    ]);
  });

  test('pattern reports the allowed form', () => {
    expect(check((v) => v.pattern('databaseName', '^[a-z_][a-z0-9_]{0,62}$', 'a PostgreSQL identifier', 'App'))).toEqual([
      "- databaseName: must be a PostgreSQL identifier (got: 'App')",
    ]);
  });

  test('maintenance window problems are reported under the prop', () => {
    expect(check((v) => v.maintenanceWindow('maintenanceWindow', MaintenanceWindow.fromString('sun:25:00-sun:25:30')))).toEqual([
      "- maintenanceWindow: start hour 25 is not a valid time (00-23, UTC) (got: 'sun:25:00-sun:25:30')",
      "- maintenanceWindow: end hour 25 is not a valid time (00-23, UTC) (got: 'sun:25:00-sun:25:30')",
    ]);
  });
});

describe('wrong types are problems, never crashes (issue 10)', () => {
  test.each([
    ['a string instead of a list', '10.0.0.0/24', "- allowedCidrs: must be a list of CIDR strings, e.g. ['10.0.0.0/24'] (got: '10.0.0.0/24')"],
    ['a number instead of a list', 42, "- allowedCidrs: must be a list of CIDR strings, e.g. ['10.0.0.0/24'] (got: 42)"],
    ['an object instead of a list', { cidr: '10.0.0.0/24' }, "- allowedCidrs: must be a list of CIDR strings, e.g. ['10.0.0.0/24'] (got: {\"cidr\":\"10.0.0.0/24\"})"],
  ])('cidrs: throws when given %s', (_name, value, message) => {
    expect(check((v) => v.cidrs('allowedCidrs', value as unknown as string[]))).toEqual([message]);
  });

  test('cidrs: an entry that is not a string is reported with its index', () => {
    expect(check((v) => v.cidrs('allowedCidrs', ['10.0.0.0/24', 10 as unknown as string, null as unknown as string]))).toEqual([
      '- allowedCidrs[1]: must be a CIDR string, e.g. 10.0.0.0/24 (got: 10)',
      '- allowedCidrs[2]: must be a CIDR string, e.g. 10.0.0.0/24 (got: null)',
    ]);
  });

  test.each([
    ['a number', 7, '- backupRetention: must be a Duration, e.g. Duration.days(7) (got: 7)'],
    ['a string', '7 days', "- backupRetention: must be a Duration, e.g. Duration.days(7) (got: '7 days')"],
  ])('duration and wholeDays: throws when given %s', (_name, value, message) => {
    const r = { min: Duration.days(1), max: Duration.days(35) };
    expect(check((v) => {
      v.duration('backupRetention', r, value as unknown as Duration);
      v.wholeDays('backupRetention', value as unknown as Duration);
    })).toEqual([message]);
  });

  test.each([
    ['a numeric string', '8', "- maxCapacity: must be a number between 1 and 256 ACUs in steps of 0.5 (got: '8')"],
    ['a boolean', true, '- maxCapacity: must be a number between 1 and 256 ACUs in steps of 0.5 (got: true)'],
  ])('number: throws when given %s', (_name, value, message) => {
    expect(check((v) => v.number('maxCapacity', { min: 1, max: 256, step: 0.5, unit: 'ACUs' }, value as unknown as number))).toEqual([message]);
  });

  test.each([
    ['a plain string', 'sun:18:00-sun:18:30', "- maintenanceWindow: must be a MaintenanceWindow, e.g. MaintenanceWindow.fromString('sun:18:00-sun:18:30') (got: 'sun:18:00-sun:18:30')"],
    ['an object', { day: 'sun' }, "- maintenanceWindow: must be a MaintenanceWindow, e.g. MaintenanceWindow.fromString('sun:18:00-sun:18:30') (got: {\"day\":\"sun\"})"],
  ])('maintenanceWindow: throws when given %s', (_name, value, message) => {
    expect(check((v) => v.maintenanceWindow('maintenanceWindow', value as unknown as MaintenanceWindow))).toEqual([message]);
  });

  test.each([
    [12, '- tenantId: must be a string: 3-31 characters, lowercase letters, digits and hyphens, starting with a letter (got: 12)'],
    [['acme'], '- tenantId: must be a string: 3-31 characters, lowercase letters, digits and hyphens, starting with a letter (got: ["acme"])'],
  ])('tenantId: throws when given %j', (value, message) => {
    expect(check((v) => v.tenantId('tenantId', value as unknown as string))).toEqual([message]);
  });

  test('tier: a number is reported', () => {
    expect(check((v) => v.tier('tier', 1 as unknown as TenantTier))).toEqual([
      '- tier: must be one of TenantTier.DEVELOPMENT, TenantTier.PRODUCTION (got: 1)',
    ]);
  });

  test('pattern: a number is reported as the wrong type', () => {
    expect(check((v) => v.pattern('databaseName', '^[a-z]+$', 'lowercase letters', 42 as unknown as string))).toEqual([
      '- databaseName: must be a string: lowercase letters (got: 42)',
    ]);
  });
});

describe('customer strings are never tokens (issue 8.9)', () => {
  const hidden = `0.0.0.0/0${Token.asString({ Ref: 'AWS::NoValue' })}`;
  test('throws when a CIDR hides a token (a settings file string or a CfnParameter)', () => {
    expect(check((v) => v.cidrs('allowedCidrs', [hidden]))).toEqual([
      `- allowedCidrs[0]: must be a literal CIDR string known at synth time, not a token (a parameter or deploy-time value cannot be checked) (got: '${hidden}')`,
    ]);
  });
  test('throws when the CIDR list is a token', () => {
    expect(check((v) => v.cidrs('allowedCidrs', Token.asList({ Ref: 'Cidrs' })))[0]).toMatch(/^- allowedCidrs: must be a literal list/);
  });
  test('throws when a pattern-checked string, number or duration is a token', () => {
    expect(check((v) => v.pattern('databaseName', '^[a-z]+$', 'letters', Token.asString({ Ref: 'Name' })))[0]).toContain('not a token');
    expect(check((v) => v.number('n', { min: 1, max: 2 }, Token.asNumber({ Ref: 'N' })))[0]).toContain('not a token');
    expect(check((v) => v.duration('d', { min: Duration.days(1), max: Duration.days(2) }, Duration.days(Token.asNumber({ Ref: 'D' }))))[0]).toContain('not a token');
  });
  test('a platform-side value may be a token when the block says so (allowTokens)', () => {
    expect(check((v) => v.cidrs('allowedCidrs', [Token.asString({ Ref: 'Cidr' })], { allowTokens: true }))).toEqual([]);
    expect(check((v) => v.pattern('p', '^a$', 'a', Token.asString({ Ref: 'P' }), { allowTokens: true }))).toEqual([]);
    expect(check((v) => v.accountId('platformAccountId', Token.asString({ Ref: 'AWS::AccountId' }), { allowTokens: true }))).toEqual([]);
  });
});

describe('accountId', () => {
  test.each([
    ['123456789012', []],
    [123456789012, ["- platformAccountId: must be a 12-digit AWS account id as a string, e.g. '123456789012' (got: 123456789012)"]],
    ['12345678901', ["- platformAccountId: must be a 12-digit AWS account id (got: '12345678901')"]],
    [undefined, []],
  ])('%j', (value, problems) => {
    expect(check((v) => v.accountId('platformAccountId', value as unknown as string))).toEqual(problems);
  });
  test('a token is rejected unless allowed', () => {
    expect(check((v) => v.accountId('platformAccountId', Token.asString({ Ref: 'A' })))[0]).toContain('not a token');
  });
});

describe('IPv6 CIDRs aws-cdk-lib would reject later are reported now (issue 10)', () => {
  test('accepts the eight-group form', () => {
    expect(check((v) => v.cidrs('allowedCidrs', ['2001:db8:0:0:0:0:0:0/32']))).toEqual([]);
  });
  test('throws when an IPv6 CIDR is written in uppercase (aws-cdk-lib accepts lowercase only)', () => {
    expect(check((v) => v.cidrs('allowedCidrs', ['2001:DB8::/32']))).toEqual([
      "- allowedCidrs[0]: must be written in lowercase (aws-cdk-lib rejects uppercase IPv6); use 2001:db8::/32 (got: '2001:DB8::/32')",
    ]);
  });
  test.each([
    ['2001:db8::/32 ', 'invalid prefix length'],
    ['2001:db8::/032', 'invalid prefix length'],
    ['::ffff:10.0.0.0/104', 'not a valid IPv6 address'],
    ['10.0.0.0/08', 'invalid prefix length'],
  ])('rejects %j', (cidr, message) => {
    expect(check((v) => v.cidrs('allowedCidrs', [cidr]))[0]).toContain(message);
  });
});

describe('PropsValidation.isPrivateRange (issue 9.10)', () => {
  test.each([
    ['10.1.0.0/16', true], ['172.16.0.0/12', true], ['192.168.4.0/24', true], ['100.64.0.0/10', true],
    ['fd00::/8', true], ['fc00::/7', true], ['fd12:3456::/32', true],
    ['fd::/16', false], ['fc::/16', false], ['fc00::/6', false], ['8.8.8.0/24', false], ['10.0.0.0/7', false],
    ['0.0.0.0/0', false], ['not-a-cidr', false], ['172.32.0.0/16', false],
  ])('%s -> %s', (cidr, expected) => {
    expect(PropsValidation.isPrivateRange(cidr)).toBe(expected);
  });
});
