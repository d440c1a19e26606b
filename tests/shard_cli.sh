#!/usr/bin/env bash
# ctest: sharded runs on the command line (issue 16). Pair resilience on a
# small generated unit split 8 ways and a sweep split 3 ways, each merged:
# the reports (and the sweep's plot, and the merged cases) are byte for byte
# those of the run on one machine; merge refuses a missing shard, a cut one
# and one of other inputs, naming the file.
#   tests/shard_cli.sh VIGIL_BINARY WORK_DIR
set -euo pipefail
vigil="$(realpath "$1")"
work="$2"
fail() {
  echo "FAIL: $*" >&2
  exit 1
}
rm -rf "$work"
mkdir -p "$work"
cd "$work"
"$vigil" generate --people 24 --posts 2 --days 14 --out unit.yaml >/dev/null
"$vigil" solve unit.yaml --work 200000 --seed 1 --quiet --out plan.json --out-dir plan >/dev/null
run=(resilience unit.yaml --roster plan.json --pairs --work 2000 --first-day 10 --last-day 12)
"$vigil" "${run[@]}" --out all.jsonl 2>/dev/null
for i in 0 1 2 3 4 5 6 7; do "$vigil" "${run[@]}" --shard "$i/8" --out "s$i.jsonl" 2>>tasks.log; done
"$vigil" merge all.jsonl --out one.txt --jsonl one.jsonl 2>/dev/null
"$vigil" merge s7.jsonl s3.jsonl s0.jsonl s1.jsonl s2.jsonl s4.jsonl s5.jsonl s6.jsonl --out many.txt --jsonl many.jsonl 2>/dev/null
cmp one.txt many.txt || fail "the merged resilience report differs from the one-machine run"
cmp one.jsonl many.jsonl || fail "the merged cases differ from the one-machine run"
# The report is the command's own on one machine, but for its timing.
"$vigil" "${run[@]}" > direct.txt || true
sed 's/ in [0-9.]* s$//' direct.txt | cmp - one.txt || fail "merge's report differs from vigil resilience's"
grep -q "losses of two people" one.txt || fail "not a pair report: $(head -1 one.txt)"

expect_refusal() {
  local words="$1"
  shift
  if "$vigil" merge "$@" --out refused.txt 2>err.txt; then fail "merge accepted: $*"; fi
  grep -qF -- "$words" err.txt || fail "expected '$words', got: $(cat err.txt)"
}
expect_refusal "missing shard 3/8" s0.jsonl s1.jsonl s2.jsonl s4.jsonl s5.jsonl s6.jsonl s7.jsonl
head -n 5 s3.jsonl > cut3.jsonl
expect_refusal "cut3.jsonl: incomplete shard 3/8" s0.jsonl s1.jsonl s2.jsonl cut3.jsonl s4.jsonl s5.jsonl s6.jsonl s7.jsonl
head -c 3000 s3.jsonl > mid3.jsonl
expect_refusal "mid3.jsonl:" s0.jsonl s1.jsonl s2.jsonl mid3.jsonl s4.jsonl s5.jsonl s6.jsonl s7.jsonl
expect_refusal "gone.jsonl: cannot open" s0.jsonl gone.jsonl
# Another plan: its hash differs, and so the shard is refused.
"$vigil" solve unit.yaml --work 500000 --seed 2 --quiet --out plan.json --out-dir plan >/dev/null
"$vigil" "${run[@]}" --shard 3/8 --out other3.jsonl 2>/dev/null
expect_refusal "other3.jsonl: shard of other inputs than s0.jsonl" s0.jsonl s1.jsonl s2.jsonl other3.jsonl s4.jsonl s5.jsonl s6.jsonl s7.jsonl

cat > sweep.yaml <<'YAML'
generate: {people: 24, posts: 2, days: 14, seed: 1}
vary:
  people: [24, 28]
  beds: [20, 30]
seeds: [1, 2]
work: 20000
YAML
"$vigil" sweep sweep.yaml --svg one.svg > sweep-one.txt 2>/dev/null
for i in 0 1 2; do "$vigil" sweep sweep.yaml --shard "$i/3" --out "w$i.jsonl" 2>>tasks.log; done
"$vigil" merge w2.jsonl w0.jsonl w1.jsonl --out sweep-many.txt --svg many.svg 2>/dev/null
cmp sweep-one.txt sweep-many.txt || fail "the merged sweep table differs from the one-machine run"
cmp one.svg many.svg || fail "the merged sweep plot differs from the one-machine run"
grep -q "By people" sweep-many.txt || fail "no summary by people"
echo "ok: 8 resilience shards and 3 sweep shards merge to the one-machine run byte for byte; refusals name the file"
cat tasks.log
