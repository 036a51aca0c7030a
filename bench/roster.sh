#!/usr/bin/env bash
# Roster import benchmark: 50,000 students in 10 schools (OneRoster CSV),
# imported into a fresh SQLite database, then imported again (no changes).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
python3 - "$dir" <<'PY'
import random, sys
random.seed(5)
out = sys.argv[1]
with open(f"{out}/orgs.csv", "w") as f:
    f.write("sourcedId,name,type,metadata.zip\n")
    for s in range(10):
        f.write(f"sch-{s},School {s},school,60608\n")
flag = lambda p: "true" if random.random() < p else "false"
with open(f"{out}/users.csv", "w") as u, open(f"{out}/demographics.csv", "w") as d:
    u.write("sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName,grades\n")
    d.write("sourcedId,birthDate,sex,hispanicOrLatinoEthnicity,blackOrAfricanAmerican,white,"
            "metadata.lowIncome,metadata.englishLearner,metadata.disability,metadata.firstGeneration\n")
    for i in range(50000):
        grade = random.randint(9, 12)
        u.write(f"stu-{i},true,sch-{i % 10},student,First{i},Last{i},{grade:02d}\n")
        d.write(f"stu-{i},{2026 - grade - 6}-0{random.randint(1, 9)}-1{random.randint(0, 9)},"
                f"{random.choice(['male', 'female'])},{flag(.3)},{flag(.3)},{flag(.3)},"
                f"{flag(.5)},{flag(.2)},{flag(.1)},{flag(.4)}\n")
PY
cargo build --release --quiet
export DATA_DIR="$dir/data"
ADMIN_PASSWORD=benchmark-password-1 ./target/release/stembridge create-admin --email admin@bench.test >/dev/null
for run in first again; do
  echo "import ($run):"
  /usr/bin/time -f "  wall %e s, peak memory %M KiB" ./target/release/stembridge import-roster "$dir"
done
