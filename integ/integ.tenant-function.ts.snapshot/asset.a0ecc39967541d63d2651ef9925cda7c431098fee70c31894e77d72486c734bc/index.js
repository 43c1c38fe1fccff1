// Sample handler for TenantFunction tests and the integ test: answers the load balancer (an ALB
// event) and direct invocations (any other event) with the same JSON body.
exports.handler = async (event) => {
  const body = JSON.stringify({ message: 'hello from TenantFunction', tenant: process.env.TENANT_ID ?? 'unknown' });
  if (event && event.requestContext && event.requestContext.elb) {
    return { statusCode: 200, statusDescription: '200 OK', isBase64Encoded: false, headers: { 'content-type': 'application/json' }, body };
  }
  return { statusCode: 200, body };
};
