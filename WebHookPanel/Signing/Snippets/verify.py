# Python 3.9+, no package. With Flask:
#   verify(os.environ["WEBHOOK_SECRET"], request.headers["webhook-id"], request.headers["webhook-timestamp"],
#          request.get_data(as_text=True), request.headers["webhook-signature"])
import base64
import hashlib
import hmac
import time


def verify(secret, msg_id, timestamp, body, signatures):
    # Refuse old and future timestamps, so that a captured request cannot be replayed later.
    if not (timestamp.isascii() and timestamp.isdigit()) or abs(time.time() - int(timestamp)) > 300:
        return False

    key = base64.b64decode(secret.removeprefix("whsec_"))
    digest = hmac.new(key, f"{msg_id}.{timestamp}.{body}".encode(), hashlib.sha256).digest()
    expected = ("v1," + base64.b64encode(digest).decode()).encode()

    # While a secret is rotated the header holds one signature per secret, separated by spaces.
    return any(hmac.compare_digest(given.encode(), expected) for given in signatures.split(" "))
