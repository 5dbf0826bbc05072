#!/usr/bin/env bash
# Re-sources the shipped tables from the AWS files in ../shared/aws-pricelist-samples
# (docs/pricing-import.md, "Pricing-page feed"): each import is one all-or-nothing commit and
# cites the sample as repo + path + commit. Run from anywhere after building; then
# pricing-data/tools/tables_doc.py regenerates the list in docs/pricing-tables.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
CP=${CP:-build/cli/costproof}
S=${S:-../shared/aws-pricelist-samples}
PD=${PD:-pricing-data}
R7=(--region us-east-1 --region us-east-2 --region us-west-2 --region eu-west-1 --region eu-central-1 --region ap-southeast-1 --region ap-southeast-2)
imp() { "$CP" pricing import --pricing-data "$PD" --progress never "$@"; }
V0=(--source-repo v0rts/aws-price-watcher --source-commit c4a0470f63402104fb3793bb114a39e488eb04ec)
imp "$S/lamngockhuong-aws-price/natgateway.json" "${R7[@]}" --source-repo lamngockhuong/aws-price \
  --source-path lib/data/pricing/natgateway.json --source-commit 508fb45296c89efe38772babd7ec766644629267
imp "$S/v0rts-aws-price-watcher/vpc.json" "${R7[@]}" "${V0[@]}" --source-path raw/vpc.json
imp "$S/TypeOneLabs-tellury/getproducts-recorded.json" --source-repo TypeOneLabs/tellury \
  --source-path pkg/pricing/aws/testdata/getproducts-recorded.json --source-commit c2acfab386e779e32e3f1c62599539190e92cd96
for f in dynamodb lambda states rds-aurora-storage rds-storage; do
  imp "$S/v0rts-aws-price-watcher/$f.json" --region us-east-1 "${V0[@]}" --source-path "raw/$f.json"
done
imp "$S/v0rts-aws-price-watcher/rds-aurora-ondemand.json" --region us-east-1 --source-repo v0rts/aws-price-watcher \
  --source-path raw/rds-aurora-ondemand.json --source-commit 7989ecfbd14c60a0f7ade09ffcd4c38ba432b8eb
