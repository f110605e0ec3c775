#!/bin/sh
# Builds the image's Java runtime without any registry: a jlinked JRE from a local JDK (>= 21) plus the
# shared libraries it needs (glibc, zlib...), laid out as a rootfs overlay for Jib extraDirectories
# on a scratch base. Usage: jlink-runtime.sh <output dir> [jdk home; default: newest JDK >= 21 in /usr/lib/jvm]
set -eu
out="$1"
jdk="${2:-}"
rm -rf "$out"
if [ "${IMAGES_RUNTIME_SKIP:-false}" = true ]; then
  mkdir -p "$out"  # the base image brings the JRE; Jib still wants the (empty) directory
  exit 0
fi
if [ -z "$jdk" ]; then
  for candidate in /usr/lib/jvm/*; do
    release="$candidate/release"
    [ -x "$candidate/bin/jlink" ] && [ -f "$release" ] || continue
    major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
    if [ "${major:-0}" -ge 21 ] && [ "${major}" -gt "${best:-0}" ]; then best=$major; jdk=$candidate; fi
  done
fi
[ -n "$jdk" ] || { echo "no JDK >= 21 with jlink found; pass -Dimages.jdk=<jdk home>" >&2; exit 1; }
echo "jlink from $jdk"
modules="java.base,java.logging,java.naming,java.management,java.net.http,java.security.jgss,java.sql,\
jdk.crypto.ec,java.desktop,jdk.unsupported,jdk.management,java.xml,java.instrument"

mkdir -p "$out/opt" "$out/tmp"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --compress=zip-6 --output "$out/opt/java"

# A scratch image has no libc: copy every library the runtime's binaries link against, and the loader.
# (The launcher finds libjli.so via $ORIGIN, which glibc resolves through /proc: containers mount it.)
# libfontconfig is loaded by java.desktop at run time (badges draw text), so it is not in ldd's output.
fontconfig=$(ldconfig -p | awk '/libfontconfig\.so\.1 .*x86-64/ { print $NF; exit }')
[ -n "$fontconfig" ] || { echo "libfontconfig.so.1 not found (apt-get install libfontconfig1)" >&2; exit 1; }
{ find "$out/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \); echo "$fontconfig"; } \
  | while read -r binary; do ldd "$binary" 2>/dev/null; echo "fontconfig => $fontconfig (0)"; done \
  | awk '/=> \// { print $3 } /^[ \t]*\/lib/ { print $1 }' | sort -u | while read -r lib; do
  case "$lib" in */opt/java/*) continue ;; esac
  mkdir -p "$out$(dirname "$lib")"
  cp -L "$lib" "$out$lib"
done
# glibc resolves users and hosts through these; keep them minimal.
mkdir -p "$out/etc"
printf 'root:x:0:0:root:/root:/sbin/nologin\napp:x:10001:10001:app:/tmp:/sbin/nologin\n' > "$out/etc/passwd"
printf 'root:x:0:\napp:x:10001:\n' > "$out/etc/group"
printf 'hosts: files dns\n' > "$out/etc/nsswitch.conf"
# One font family (DejaVu Sans, the JDK's usual SansSerif) and a fontconfig that caches in the writable /tmp.
fonts=/usr/share/fonts/truetype/dejavu
[ -f "$fonts/DejaVuSans.ttf" ] || { echo "$fonts/DejaVuSans.ttf missing (apt-get install fonts-dejavu-core)" >&2; exit 1; }
mkdir -p "$out$fonts" "$out/etc/fonts"
cp "$fonts/DejaVuSans.ttf" "$fonts/DejaVuSans-Bold.ttf" "$out$fonts/"
cat > "$out/etc/fonts/fonts.conf" <<'CONF'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>/usr/share/fonts</dir>
  <cachedir>/tmp/fontconfig</cachedir>
</fontconfig>
CONF
