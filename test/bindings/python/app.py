"""Python smoke app: one DEVELOPMENT tenant and one validation failure, from the built wheel.

The same inputs as test/bindings/reference.ts. Writes <outdir>/template.json (the synthesized
template, read through the binding) and <outdir>/error.txt (the validation error's message).

Usage: python app.py <outdir>
"""
import json
import os
import sys

from aws_cdk import App, Duration, Environment, Stack
from cdk_tenant_blocks import (
    CrossAccountLink,
    DayOfWeek,
    MaintenanceWindow,
    TenantFunction,
    TenantFunctionCode,
    TenantKey,
    TenantNetwork,
    TenantPostgres,
    TenantTier,
)

out_dir = sys.argv[1] if len(sys.argv) > 1 else "out"
here = os.path.dirname(os.path.abspath(__file__))
env = Environment(account="123456789012", region="us-east-1")
# The VPC looks up the region's availability zones: seed them, so synth needs no AWS credentials.
context = {
    "availability-zones:account=123456789012:region=us-east-1": [
        "us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f",
    ],
}

# One DEVELOPMENT tenant: key, network, database, function, and the platform's link.
app = App(context=context, analytics_reporting=False)
stack = Stack(app, "AcmeTenant", env=env)
tenant_id = "acme"
tier = TenantTier.DEVELOPMENT

key = TenantKey(stack, "Key", tenant_id=tenant_id, tier=tier)
network = TenantNetwork(stack, "Network", tenant_id=tenant_id, tier=tier, encryption_key=key)
database = TenantPostgres(
    stack,
    "Database",
    tenant_id=tenant_id,
    tier=tier,
    network=network,
    encryption_key=key,
    max_capacity=4,
    backup_retention=Duration.days(7),
    maintenance_window=MaintenanceWindow.weekly(DayOfWeek.SUNDAY, 3, 0, Duration.minutes(60)),
)
fn = TenantFunction(
    stack,
    "Api",
    tenant_id=tenant_id,
    tier=tier,
    network=network,
    encryption_key=key,
    code=TenantFunctionCode.from_asset(os.path.join(here, "..", "app-code")),
    handler="index.handler",
    memory_size=512,
    timeout=Duration.seconds(10),
    environment={"GREETING": "hello"},
    database=database,
)
link = CrossAccountLink(
    stack,
    "Link",
    tenant_id=tenant_id,
    platform_account_id="210987654321",
    platform_role_arns=["arn:aws:iam::210987654321:role/platform-console"],
    external_id="acme-7f3c9a2e-5b1d-4e8f-a6c0-2d9b4e1f8a73",
)
link.allow_query(database)
link.allow_invoke(fn)

os.makedirs(out_dir, exist_ok=True)
template = app.synth().get_stack_by_name("AcmeTenant").template
with open(os.path.join(out_dir, "template.json"), "w", encoding="utf-8") as f:
    json.dump(template, f, indent=2)

# One validation failure: every problem of the props in one error, nothing created.
try:
    TenantPostgres(
        Stack(App(context=context), "Invalid", env=env),
        "Database",
        tenant_id=tenant_id,
        tier=tier,
        max_capacity=1000,
        backup_retention=Duration.hours(36),
        maintenance_window=MaintenanceWindow.from_string("sun:18:00-sun:18:10"),
        allowed_cidrs=["0.0.0.0/0"],
    )
    raise SystemExit("expected TenantPostgres to reject the props")
except RuntimeError as err:  # a JavaScript error thrown by the library arrives as RuntimeError
    with open(os.path.join(out_dir, "error.txt"), "w", encoding="utf-8") as f:
        f.write(str(err))
    print(f"{type(err).__name__}: {err}")
