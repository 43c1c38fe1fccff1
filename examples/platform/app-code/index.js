// The tenant app of the example platform: answers the load balancer and direct invocations with the
// same JSON body. Real apps bring their own code (TenantFunctionCode.fromAsset / fromBucket).
exports.handler = async (event) => {
  const body = JSON.stringify({ tenant: process.env.TENANT_ID, database: process.env.DB_HOST ? 'configured' : 'none' });
  if (event && event.requestContext && event.requestContext.elb) {
    return { statusCode: 200, statusDescription: '200 OK', isBase64Encoded: false, headers: { 'content-type': 'application/json' }, body };
  }
  return { statusCode: 200, body };
};
