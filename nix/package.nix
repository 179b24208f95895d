# fedlearn built from pyproject.toml; its test suite runs in the check phase (tests that need the
# network or Nix itself are deselected by marker: the build sandbox has neither). git and ssh are
# on the program's PATH: publish, pull and status run git, which runs ssh for ssh remotes.
{
  lib,
  python3Packages,
  git,
  openssh,
}:
let
  init = builtins.readFile ../fedlearn/__init__.py;
  version = builtins.head (builtins.match ''.*__version__ = "([^"]+)".*'' init);
in
python3Packages.buildPythonApplication {
  pname = "fedlearn";
  inherit version;
  pyproject = true;

  src = lib.fileset.toSource {
    root = ../.;
    fileset = lib.fileset.unions [
      ../pyproject.toml
      ../README.md
      ../fedlearn
      ../tests
    ];
  };

  build-system = [ python3Packages.hatchling ];

  makeWrapperArgs = [
    "--prefix"
    "PATH"
    ":"
    (lib.makeBinPath [
      git
      openssh
    ])
  ];

  dependencies = with python3Packages; [
    msgspec
    attrs
    cattrs
    tenacity
    qdrant-client
    numpy
    httpx
    httpcore
    google-re2 # optional: the anonymizer's one-pass rule gate (the `fast` extra)
  ];

  nativeCheckInputs = [
    python3Packages.pytestCheckHook
    python3Packages.hypothesis
    python3Packages.prometheus-client
    git
  ];

  disabledTestMarks = [
    "nix"
    "network"
  ];

  preCheck = ''
    export HOME="$(mktemp -d)"
  '';

  pythonImportsCheck = [ "fedlearn" ];

  meta = {
    description = "Knowledge federation for self-hosted AI stacks: keep what the stack learned in git and share it between machines";
    license = lib.licenses.mit;
    mainProgram = "fedlearn";
    platforms = lib.platforms.linux;
  };
}
