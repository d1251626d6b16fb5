#!/usr/bin/env bash
# Fetch the vendored JavaScript of the HTML book again, with `npm pack` at the pinned
# versions below, copy the files the book serves into _vendor/html/_static/, and check
# every file's sha256. Run it through `make vendor`; it needs only npm, tar and sha256sum.
# Afterwards build from a clean _build/ (`make clean book`).
#
# Everything under _vendor/html/ is copied verbatim into _build/html/ by Sphinx's
# html_extra_path (see _config.yml); this script and README.md sit one level up, so they
# are never served. _vendor/html/_static/widgets/embed-amd-setup.js is ours, not fetched.
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
37b44965893dafb424811f3a78718aba2cfd450ce2a9344b53a5a7e24f2874a7  mathjax@3.2.2  es5/input/tex/extensions/action.js  mathjax/input/tex/extensions/action.js
624d59b8b8585d3d69a8106b87bac62f8a2495b6caea7906a258ce1f15ff1ea4  mathjax@3.2.2  es5/input/tex/extensions/ams.js  mathjax/input/tex/extensions/ams.js
7dc7256ebc5822379cdf9f504559309d97c5f26e09e2150d25dd46e35a6acf94  mathjax@3.2.2  es5/input/tex/extensions/amscd.js  mathjax/input/tex/extensions/amscd.js
7656bc471cb75a43167f6bdeb284c95f323317893d26df4ceaa676d409ac9dbf  mathjax@3.2.2  es5/input/tex/extensions/autoload.js  mathjax/input/tex/extensions/autoload.js
73d208a3425ed27dea7ed61f5984b43accfba8949bad7077d3eac47e668ba764  mathjax@3.2.2  es5/input/tex/extensions/bbox.js  mathjax/input/tex/extensions/bbox.js
d6771fee0772db2657796c8d0e20e1878bb3237f6d3ed1e828e1834a4ff743ca  mathjax@3.2.2  es5/input/tex/extensions/boldsymbol.js  mathjax/input/tex/extensions/boldsymbol.js
2abb032ca0eaff9fb2322a28b5d14ba058e7934d3e56974c55f574059e907a4c  mathjax@3.2.2  es5/input/tex/extensions/braket.js  mathjax/input/tex/extensions/braket.js
47c46e011949f0700ed02698b1a7fc243cc0dfa9529e49935e45ee5e09299bda  mathjax@3.2.2  es5/input/tex/extensions/bussproofs.js  mathjax/input/tex/extensions/bussproofs.js
0d263ecf2671d1cc13135b8b4afcdca4d40151a9aea51b69402e68adde4cf8c9  mathjax@3.2.2  es5/input/tex/extensions/cancel.js  mathjax/input/tex/extensions/cancel.js
9c11e0644dabdb5adf9065adef7f6224340eaecb96e48a7ce9a27de3c7056f3c  mathjax@3.2.2  es5/input/tex/extensions/cases.js  mathjax/input/tex/extensions/cases.js
a1e4be1e20d190a553c74796054335f5f7790414deb966cdc8a78e941a28a351  mathjax@3.2.2  es5/input/tex/extensions/centernot.js  mathjax/input/tex/extensions/centernot.js
7fdc8f7cda1630f35ccd579379ba04add9dec50c66cebbc05a4b129027b32435  mathjax@3.2.2  es5/input/tex/extensions/color.js  mathjax/input/tex/extensions/color.js
d9c0e39634f43f0e29c6d6e82a3624e09f9835747fae5ba56156660fd4aab79b  mathjax@3.2.2  es5/input/tex/extensions/colortbl.js  mathjax/input/tex/extensions/colortbl.js
30c09ca19b5d778c1718c47ee3d76b0a301dd2040f11f0b4ae3b2d59d67ffe21  mathjax@3.2.2  es5/input/tex/extensions/colorv2.js  mathjax/input/tex/extensions/colorv2.js
a6d4604cbd3a7e7b9691eb108291ddd0093b9750355357478c6b637aad0d5419  mathjax@3.2.2  es5/input/tex/extensions/configmacros.js  mathjax/input/tex/extensions/configmacros.js
f425b835aeb4e4373b6176b622590d72692f1a85f05018e1035fbfcfc3be1842  mathjax@3.2.2  es5/input/tex/extensions/empheq.js  mathjax/input/tex/extensions/empheq.js
8804f756f369946919c388f587f80cf2d1fd9151f76ed37570d01af8d7fb3f4c  mathjax@3.2.2  es5/input/tex/extensions/enclose.js  mathjax/input/tex/extensions/enclose.js
d8d5ecd75abc4306a6d589442dfa66a4345dee1288347591bddaf19551388163  mathjax@3.2.2  es5/input/tex/extensions/extpfeil.js  mathjax/input/tex/extensions/extpfeil.js
9f55af256604b89a7980b9f903c6f33ce3c2d0e279fd347b9a433fe4c58de794  mathjax@3.2.2  es5/input/tex/extensions/gensymb.js  mathjax/input/tex/extensions/gensymb.js
e3647c848f26ad228d07043f1e63c56a646da9d20a6c0f180a4067fa9e10facc  mathjax@3.2.2  es5/input/tex/extensions/html.js  mathjax/input/tex/extensions/html.js
04272d69a0b64783cd5b66820d6f8220ee510409d0b12c38626404be9ed9689c  mathjax@3.2.2  es5/input/tex/extensions/mathtools.js  mathjax/input/tex/extensions/mathtools.js
aec2e1e1c423129cf3d2fe86980642335127d1161734ffe47dd99ed676038627  mathjax@3.2.2  es5/input/tex/extensions/mhchem.js  mathjax/input/tex/extensions/mhchem.js
a41669a4ae924ab83cbc3d08f95ae90490a33cd649ed865e83675011b8708ab9  mathjax@3.2.2  es5/input/tex/extensions/newcommand.js  mathjax/input/tex/extensions/newcommand.js
9317a33b00e114e679bb3cf07df06102342131412a3daced25b733da334f2ccd  mathjax@3.2.2  es5/input/tex/extensions/noerrors.js  mathjax/input/tex/extensions/noerrors.js
b90ecf838a6f5363b260a4dd4e939812abaf062f91234fe20fd63d1c7e88a43f  mathjax@3.2.2  es5/input/tex/extensions/noundefined.js  mathjax/input/tex/extensions/noundefined.js
83d5ad43ea478baf855e0ef9456d63d2d735d10c78ab7544019e0cb0b8083a83  mathjax@3.2.2  es5/input/tex/extensions/physics.js  mathjax/input/tex/extensions/physics.js
d508f823c2cf39509bdd088f6dd17fde20b481a8b1d702aa24061a00f38006c3  mathjax@3.2.2  es5/input/tex/extensions/require.js  mathjax/input/tex/extensions/require.js
a259b86c9f49fea08abbc05bf4e5ed510e65870b9d7d127404e8486493b8ad40  mathjax@3.2.2  es5/input/tex/extensions/setoptions.js  mathjax/input/tex/extensions/setoptions.js
a1407f0ba6abddf53ed3048aaeec7d5290dfa213878181679f4a62c604515784  mathjax@3.2.2  es5/input/tex/extensions/tagformat.js  mathjax/input/tex/extensions/tagformat.js
6eaa4c938145a6ace042806b2d0c710c8d4d806386c97e9d0ec0c6d6e5fc30cf  mathjax@3.2.2  es5/input/tex/extensions/textcomp.js  mathjax/input/tex/extensions/textcomp.js
cd783f048f64f6a3750d716af0e10ed2f6539cd181dacf1204e323e2e41bd640  mathjax@3.2.2  es5/input/tex/extensions/textmacros.js  mathjax/input/tex/extensions/textmacros.js
903e7d0d11d5d639eb13931fd3da78d49bbf9c59b57e82a945da9fb7b710137d  mathjax@3.2.2  es5/input/tex/extensions/unicode.js  mathjax/input/tex/extensions/unicode.js
4335d722671b77186d6490e326adad5f727ed2db954deafece2d10803cb651a1  mathjax@3.2.2  es5/input/tex/extensions/upgreek.js  mathjax/input/tex/extensions/upgreek.js
fdaface3c13d4f2a9e3013bf986fca04d63175c69eec99b17705f006a6528dc7  mathjax@3.2.2  es5/input/tex/extensions/verb.js  mathjax/input/tex/extensions/verb.js
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
