// The function code every smoke app deploys (a local folder, as a user's app would be).
exports.handler = async () => ({ statusCode: 200, body: JSON.stringify({ message: 'hello from acme' }) });
