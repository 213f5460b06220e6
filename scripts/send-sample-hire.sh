#!/usr/bin/env bash
# Sends a realistic sample hire (an invented person) to the bridge, signed exactly as Comeet signs it, and prints
# the answer.
#
#   scripts/send-sample-hire.sh [company] [base-url]
#
#   company    the company segment of the webhook URL (default: demo)
#   base-url   where the bridge runs (default: http://localhost:8080)
#   COMEET_SECRET      the company's Comeet Secret Key (default: the demo company's, demo-comeet-secret)
#   SAMPLE_HIRE        the JSON file to send (default: scripts/sample-hire.json beside this script)
#   SAMPLE_COMEET_ID   replaces the sample's comeet_id, to send the same person as another hire
#   WEBHOOK            create-employee (default), or hire-questionnaire to see the questions the Hire form gets
set -euo pipefail

company="${1:-demo}"
base_url="${2:-http://localhost:8080}"
secret="${COMEET_SECRET:-demo-comeet-secret}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
hire_file="${SAMPLE_HIRE:-$here/sample-hire.json}"
webhook="${WEBHOOK:-create-employee}"
case "$webhook" in
  create-employee|hire-questionnaire) ;;
  *) echo "send-sample-hire: WEBHOOK is create-employee or hire-questionnaire" >&2; exit 2 ;;
esac

for tool in curl openssl; do
  command -v "$tool" >/dev/null || { echo "send-sample-hire: $tool is required" >&2; exit 2; }
done

body="$(mktemp)"
answer="$(mktemp)"
trap 'rm -f "$body" "$answer"' EXIT
if [ -n "${SAMPLE_COMEET_ID:-}" ]; then
  [[ "$SAMPLE_COMEET_ID" =~ ^[A-Za-z0-9._:-]+$ ]] \
    || { echo "send-sample-hire: SAMPLE_COMEET_ID may hold only letters, digits and . _ : -" >&2; exit 2; }
  sed "s/\"comeet_id\":\"[^\"]*\"/\"comeet_id\":\"${SAMPLE_COMEET_ID}\"/" "$hire_file" > "$body"
else
  cp "$hire_file" "$body"
fi
# Comeet's signature: HMAC-SHA256 over the exact body bytes, keyed with the Secret Key, as "sha256 <hex>".
digest="$(openssl dgst -sha256 -hmac "$secret" -r < "$body" | cut -d' ' -f1)"

status="$(curl -sS -o "$answer" -w '%{http_code}' -X POST \
  -H 'Content-Type: application/json' \
  -H "signature: sha256 $digest" \
  --data-binary "@$body" \
  "$base_url/comeet/$company/$webhook")"

echo "HTTP $status"
cat "$answer"
echo
[ "${status:0:1}" = 2 ]
