#!/usr/bin/env bash
# Fetch the vendored JavaScript of the HTML book again, with `npm pack` at the pinned
# versions below, copy the files the book serves into _vendor/html/_static/, and check
# every file's sha256. Run it through `make vendor`; it needs only npm, tar and sha256sum.
# Afterwards build from a clean _build/ (`make clean book`).
#
# Everything under _vendor/html/ is copied verbatim into _build/html/ by Sphinx's
# html_extra_path (see _config.yml); this script and README.md sit one level up, so they
# are never served. _vendor/html/_static/widgets/require-paths.js is ours, not fetched.
#
# To upgrade a package: change its version here, run the script, read the hash mismatches,
# check the new files in a browser (`make book browser`), then update the hashes here and
# in _vendor/README.md together.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
dest="$here/html/_static"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# sha256  package@version  path in the npm tarball  path under _vendor/html/_static/
manifest=$(cat <<'MANIFEST'
0a6ded5abbce13331658dd239f34382abd06492c74b71b61e8caa8112ec55fa5  mathjax@3.2.2  es5/tex-chtml.js  mathjax/tex-chtml.js
3de784d07b9fa8f104c10928a878ee879cf3305cae5195cba663c9c2bb0195eb  mathjax@3.2.2  es5/output/chtml/fonts/woff-v2/MathJax_AMS-Regular.woff  mathjax/output/chtml/fonts/woff-v2/MathJax_AMS-Regular.woff
af04542b29eaac04550a140c5f1760a649783989426f2540855bf4157819367d  mathjax@3.2.2  es5/output/chtml/fonts/woff-v2/MathJax_Calligraphic-Bold.woff  mathjax/output/chtml/fonts/woff-v2/MathJax_Calligraphic-Bold.woff
26683bf201fb258a2237d9754616de9d4ecf4cc1cd39dd1902476df7d75f1d16  mathjax@3.2.2  es5/output/chtml/fonts/woff-v2/MathJax_Calligraphic-Regular.woff  mathjax/output/chtml/fonts/woff-v2/MathJax_Calligraphic-Regular.woff
721921bab0d001ebff0206c24cb5de6ca136467bf1843a7aa32030ba061d1e92  mathjax@3.2.2  es5/output/chtml/fonts/woff-v2/MathJax_Fraktur-Bold.woff  mathjax/output/chtml/fonts/woff-v2/MathJax_Fraktur-Bold.woff
870673df72e70f87c91a5a317d558c2c3b54392264ad79bbadc6d424ae8765fe  mathjax@3.2.2  es5/output/chtml/fonts/woff-v2/MathJax_Fraktur-Regular.woff  mathjax/output/chtml/fonts/woff-v2/MathJax_Fraktur-Regular.woff
88b98cad3688915e50da55553ff6ad185e0dce134b47f176e91b100f8a9b175c  mathjax@3.2.2  es5/output/chtml/fonts/woff-v2/MathJax_Main-Bold.woff  mathjax/output/chtml/fonts/woff-v2/MathJax_Main-Bold.woff
355254db9ca10a09a3b5f0929d74eb4670f44fbe864c07526a06213e0a0caf6c  mathjax@3.2.2  es5/output/chtml/fonts/woff-v2/MathJax_Main-Italic.woff  mathjax/output/chtml/fonts/woff-v2/MathJax_Main-Italic.woff
1cb1c39ea642f26a4dfed230b4aea1c3c218689421f6e9c0a7c1811693c4fa07  mathjax@3.2.2  es5/output/chtml/fonts/woff-v2/MathJax_Main-Regular.woff  mathjax/output/chtml/fonts/woff-v2/MathJax_Main-Regular.woff
8ea8dbb1b02e6f730f55b4cb5d413b785b9f5c39807d0a0fa7da206a0824a457  mathjax@3.2.2  es5/output/chtml/fonts/woff-v2/MathJax_Math-BoldItalic.woff  mathjax/output/chtml/fonts/woff-v2/MathJax_Math-BoldItalic.woff
a009bea404f7a500ded48f8b9ad9cf16e12504b3195dd9e25975289b8256b0f0  mathjax@3.2.2  es5/output/chtml/fonts/woff-v2/MathJax_Math-Italic.woff  mathjax/output/chtml/fonts/woff-v2/MathJax_Math-Italic.woff
c01d3321e89b403c4b811aa153c4e618eda3421f92d8a072a02c8d190782a191  mathjax@3.2.2  es5/output/chtml/fonts/woff-v2/MathJax_Math-Regular.woff  mathjax/output/chtml/fonts/woff-v2/MathJax_Math-Regular.woff
32792104b5ef69eded905b6d1598ed05d8087684d38e7a94d52e3c38ba16f47e  mathjax@3.2.2  es5/output/chtml/fonts/woff-v2/MathJax_SansSerif-Bold.woff  mathjax/output/chtml/fonts/woff-v2/MathJax_SansSerif-Bold.woff
fc6ddf5df402b263cfb158aed8e89972542c34b719cd87b1db30461985f7bd5b  mathjax@3.2.2  es5/output/chtml/fonts/woff-v2/MathJax_SansSerif-Italic.woff  mathjax/output/chtml/fonts/woff-v2/MathJax_SansSerif-Italic.woff
b418136e3b384baaadecb70bd3c48a8da9825210130b2897db808c44efc883cb  mathjax@3.2.2  es5/output/chtml/fonts/woff-v2/MathJax_SansSerif-Regular.woff  mathjax/output/chtml/fonts/woff-v2/MathJax_SansSerif-Regular.woff
af96f67d7accf5fd2a4a682d0b9f8b339f8ea6fe34c310c1694c8ba7f6ddc96f  mathjax@3.2.2  es5/output/chtml/fonts/woff-v2/MathJax_Script-Regular.woff  mathjax/output/chtml/fonts/woff-v2/MathJax_Script-Regular.woff
c49810b53ecc0d87d8028762c518924197dd9d3f905b08f99ea241301085b9cb  mathjax@3.2.2  es5/output/chtml/fonts/woff-v2/MathJax_Size1-Regular.woff  mathjax/output/chtml/fonts/woff-v2/MathJax_Size1-Regular.woff
30e889b58cbc51adfbb038ab1a96dc4025aa3542a3cff7712fc55ece510675e2  mathjax@3.2.2  es5/output/chtml/fonts/woff-v2/MathJax_Size2-Regular.woff  mathjax/output/chtml/fonts/woff-v2/MathJax_Size2-Regular.woff
5cda41563a095bd70c78e2dda13d0f8cb922c71c90fffd0a0044c65173a66e83  mathjax@3.2.2  es5/output/chtml/fonts/woff-v2/MathJax_Size3-Regular.woff  mathjax/output/chtml/fonts/woff-v2/MathJax_Size3-Regular.woff
3bc6ecaae7ecf6f8d7f8ea07bddbaca8601e2cb6e89d6aef58e78d9f6d8a398f  mathjax@3.2.2  es5/output/chtml/fonts/woff-v2/MathJax_Size4-Regular.woff  mathjax/output/chtml/fonts/woff-v2/MathJax_Size4-Regular.woff
c56da8d69f1a0208b8e0703656c3264b6dd748bd452524c82b0385b60f6a68c1  mathjax@3.2.2  es5/output/chtml/fonts/woff-v2/MathJax_Typewriter-Regular.woff  mathjax/output/chtml/fonts/woff-v2/MathJax_Typewriter-Regular.woff
36e0d72d8a7afc696a3e7a5c7369807634640de9b02257bca447bdf126221a27  mathjax@3.2.2  es5/output/chtml/fonts/woff-v2/MathJax_Vector-Bold.woff  mathjax/output/chtml/fonts/woff-v2/MathJax_Vector-Bold.woff
72bc573386dd1d48c5bbd286302ca9e3400c5eb0f298e7cfbf945b9d08fc688f  mathjax@3.2.2  es5/output/chtml/fonts/woff-v2/MathJax_Vector-Regular.woff  mathjax/output/chtml/fonts/woff-v2/MathJax_Vector-Regular.woff
481e39042508ae313a60618af1e37146ab93e9324c98e4c78b8f17fe55d41e0b  mathjax@3.2.2  es5/output/chtml/fonts/woff-v2/MathJax_Zero.woff  mathjax/output/chtml/fonts/woff-v2/MathJax_Zero.woff
cfc7749b96f63bd31c3c42b5c471bf756814053e847c10f3eb003417bc523d30  mathjax@3.2.2  LICENSE  mathjax/LICENSE
c1fc6b1d53af7522f78d664922abb32acac64ed0ecccb8f907f1e6fc7262563a  requirejs@2.3.8  require.js  widgets/require.js
ca87dff57c70ffb2658794fde0eab0e27e5f5472a1f5df7ab2b08e1039fc4b72  @jupyter-widgets/html-manager@1.0.15  dist/embed-amd.js  widgets/embed-amd.js
9834b82ad26e2a37583d22676a12dd2eb0fe7c80356a2114d0db1aa8b3899537  @jupyter-widgets/html-manager@1.0.15  dist/1551f4f60c37af51121f.woff2  widgets/1551f4f60c37af51121f.woff2
e42a88444448ac3d60549cc7c1ff2c8a9cac721034c073d80a14a44e79730cca  @jupyter-widgets/html-manager@1.0.15  dist/7a3337626410ca2f4071.woff2  widgets/7a3337626410ca2f4071.woff2
8ea8791754915a898a3100e63e32978a6d1763be6df8e73a39d3a90d691cdeef  @jupyter-widgets/html-manager@1.0.15  dist/d878b0a6a1144760244f.woff2  widgets/d878b0a6a1144760244f.woff2
aed2008aae8123157c4ae564883166b1af7bab928d504a1fa7de1f67aec11268  @jupyter-widgets/html-manager@1.0.15  dist/embed.js.LICENSE.txt  widgets/embed.js.LICENSE.txt
MANIFEST
)

# Unpack each package once, into $tmp/<package@version>/package/.
for pkg in $(awk '{print $2}' <<<"$manifest" | sort -u); do
    echo "npm pack $pkg"
    mkdir -p "$tmp/$pkg"
    tarball=$(cd "$tmp" && npm pack --silent "$pkg" | tail -n 1)
    tar -xzf "$tmp/$tarball" -C "$tmp/$pkg"
done

status=0
while read -r sha pkg src dst; do
    mkdir -p "$(dirname "$dest/$dst")"
    cp "$tmp/$pkg/package/$src" "$dest/$dst"
    got=$(sha256sum "$dest/$dst" | cut -c1-64)
    if [[ "$got" != "$sha" ]]; then
        echo "HASH MISMATCH $dst: expected $sha, got $got" >&2
        status=1
    fi
    if ! grep -q "$sha" "$here/README.md"; then
        echo "README.md does not list the sha256 of $dst ($sha)" >&2
        status=1
    fi
done <<<"$manifest"

if [[ $status -ne 0 ]]; then
    echo "fetch.sh: some files differ from the pinned hashes (see above)" >&2
    exit $status
fi
echo "fetch.sh: $(wc -l <<<"$manifest") files in $dest, all sha256 as pinned"
