#!/usr/bin/env bash
# Installs what FtpsSessionReuseTest needs: Debian's vsftpd and the system user its anonymous login
# runs as. Idempotent; runs as root on Debian or Ubuntu. The test starts its own vsftpd (own config,
# own loopback port and passive range, own certificate and directories) and stops it again; a system
# vsftpd the package may have started on port 21 does not interfere.
set -euo pipefail

if ! command -v vsftpd >/dev/null 2>&1 && [[ ! -x /usr/sbin/vsftpd ]]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends vsftpd
fi

# Anonymous sessions run as the user 'ftp' (vsftpd's ftp_username) and start in its home directory.
if ! getent passwd ftp >/dev/null; then
  useradd --system --home-dir /srv/ftp --no-create-home --shell /usr/sbin/nologin ftp
fi
mkdir -p "$(getent passwd ftp | cut -d: -f6)"

# The secure_chroot_dir of Debian's default configuration (the test configures a directory of its own).
mkdir -p /var/run/vsftpd/empty

echo "vsftpd $(dpkg-query -W -f='${Version}' vsftpd 2>/dev/null || echo '(not from dpkg)') at $(command -v vsftpd || echo /usr/sbin/vsftpd)"
