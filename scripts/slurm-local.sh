#!/usr/bin/env bash
# Installs and starts a single-node Slurm cluster on this machine from
# Debian's packages (slurm-wlm, munge): munged, slurmctld and slurmd on
# localhost, with a minimal slurm.conf written here from the node's real CPU
# count and memory. For the job-array test (scripts/slurm-array-test.sh) and
# for trying `vigil slurm` by hand. Needs root (CI runs as root). Safe to run
# again: a cluster already answering is left as it is.
#   scripts/slurm-local.sh          install if needed, configure, start; exit 0 when `sinfo` shows the node idle
#   scripts/slurm-local.sh stop     stop the daemons this script started (by their pid files)
# No accounting database: sacct needs slurmdbd, so the test follows the array
# with squeue and the shard files; `vigil sweep-status` falls back to squeue.
set -euo pipefail

conf_dir=/etc/slurm
state=/var/lib/slurm-vigil
log=/var/log/slurm-vigil
say() { echo "slurm-local: $*"; }

if [[ "${1:-}" == stop ]]; then
  for pid_file in /run/slurmd-vigil.pid /run/slurmctld-vigil.pid /run/munge-vigil.pid; do
    [[ -s "$pid_file" ]] && kill "$(cat "$pid_file")" 2>/dev/null || true
    rm -f "$pid_file"
  done
  exit 0
fi

if [[ "$(id -u)" -ne 0 ]]; then
  say "needs root (to install packages and start munged, slurmctld, slurmd)" >&2
  exit 1
fi

if sinfo -h -o '%T' 2>/dev/null | grep -qE '^(idle|mixed|allocated)'; then
  say "a cluster is already up: $(sinfo -h -o '%N %c CPUs %m MiB %T')"
  exit 0
fi

need=()
for p in slurm-wlm munge; do
  [[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" == "install ok installed" ]] || need+=("$p")
done
if [[ ${#need[@]} -gt 0 ]]; then
  say "installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

mkdir -p "$conf_dir" "$state/ctld" "$state/d" "$log" /run/munge /var/lib/munge /var/log/munge
# munge: a key of its own (the package may have made one), its daemon as root here.
if [[ ! -s /etc/munge/munge.key ]]; then
  dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key status=none
fi
chown -R munge:munge /etc/munge /var/lib/munge /var/log/munge /run/munge 2>/dev/null || true
chmod 400 /etc/munge/munge.key
chmod 700 /etc/munge
if ! munge -n </dev/null 2>/dev/null | unmunge >/dev/null 2>&1; then
  rm -f /run/munge/munged.pid
  if id munge >/dev/null 2>&1; then
    su -s /bin/sh munge -c "/usr/sbin/munged --pid-file=/run/munge/munged.pid" 2>/dev/null || /usr/sbin/munged --force
  else
    /usr/sbin/munged --force
  fi
  sleep 1
  cp /run/munge/munged.pid /run/munge-vigil.pid 2>/dev/null || true
fi
munge -n </dev/null | unmunge >/dev/null || { say "munge does not answer" >&2; exit 1; }

host="$(hostname -s)"
cpus="$(nproc)"
# Slurm's RealMemory in MiB; a little is kept back for the system.
mem_mib=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 * 9 / 10 ))
cat > "$conf_dir/slurm.conf" <<CONF
# Written by vigil's scripts/slurm-local.sh: one node, this machine.
ClusterName=vigil-local
SlurmctldHost=${host}(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$state/d
SlurmctldPidFile=/run/slurmctld-vigil.pid
SlurmdPidFile=/run/slurmd-vigil.pid
SlurmctldLogFile=$log/slurmctld.log
SlurmdLogFile=$log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
SchedulerType=sched/backfill
MpiDefault=none
ReturnToService=2
JobRequeue=1
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SlurmctldTimeout=30
SlurmdTimeout=30
InactiveLimit=0
MinJobAge=300
KillWait=5
NodeName=${host} NodeAddr=127.0.0.1 CPUs=${cpus} RealMemory=${mem_mib} State=UNKNOWN
PartitionName=local Nodes=${host} Default=YES MaxTime=INFINITE State=UP
CONF
# Debian's slurm reads /etc/slurm/slurm.conf; no cgroup plugins are used.
for daemon in slurmctld slurmd; do
  pid_file="/run/${daemon}-vigil.pid"
  if [[ -s "$pid_file" ]] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then kill "$(cat "$pid_file")"; sleep 1; fi
done
/usr/sbin/slurmctld -c -i 2>>"$log/start.log" || { say "slurmctld did not start: $(tail -5 "$log/slurmctld.log" 2>/dev/null)" >&2; exit 1; }
/usr/sbin/slurmd 2>>"$log/start.log" || { say "slurmd did not start: $(tail -5 "$log/slurmd.log" 2>/dev/null)" >&2; exit 1; }
for _ in $(seq 1 30); do
  if sinfo -h -o '%T' 2>/dev/null | grep -qE '^(idle|mixed|allocated)'; then
    say "up: $(sinfo -h -o '%N: %c CPUs, %m MiB, %T')"
    exit 0
  fi
  scontrol update nodename="$host" state=resume >/dev/null 2>&1 || true
  sleep 1
done
say "the node did not come up: $(sinfo 2>&1 | tail -2); $(tail -5 "$log/slurmctld.log" 2>/dev/null)" >&2
exit 1
