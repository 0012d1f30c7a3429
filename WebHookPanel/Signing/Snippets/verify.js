// Node 16+, no package. With Express, keep the raw body: app.post("/hook", express.raw({ type: "*/*" }), ...), then
//   verify(process.env.WEBHOOK_SECRET, req.get("webhook-id"), req.get("webhook-timestamp"),
//          req.body.toString("utf8"), req.get("webhook-signature"))
const crypto = require("node:crypto");

function verify(secret, id, timestamp, body, signatures) {
  // Refuse old and future timestamps, so that a captured request cannot be replayed later.
  if (!/^\d+$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;

  const key = Buffer.from(secret.slice("whsec_".length), "base64");
  const hash = crypto.createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64");
  const expected = Buffer.from(`v1,${hash}`);

  // While a secret is rotated the header holds one signature per secret, separated by spaces.
  return signatures.split(" ").some((signature) => {
    const given = Buffer.from(signature);
    return given.length === expected.length && crypto.timingSafeEqual(given, expected);
  });
}

module.exports = { verify };
