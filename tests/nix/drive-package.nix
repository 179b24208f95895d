# Test driver for tests/nix: nix/package.nix with stand-ins for lib and python3Packages, giving
# the files of its source (relative to the repository), the test marks its check phase skips and
# the names of its dependencies.
let
  root = toString ../..;
  lib = {
    fileset = {
      unions = paths: paths;
      toSource = { root, fileset }: fileset;
    };
    licenses.mit = "mit";
    makeBinPath = packages: builtins.concatStringsSep ":" (map (package: "${package}/bin") packages);
    platforms.linux = [ ];
  };
  stand-in = name: {
    inherit name;
    value = name;
  };
  python3Packages =
    builtins.listToAttrs (
      map stand-in [
        "hatchling"
        "msgspec"
        "attrs"
        "cattrs"
        "tenacity"
        "qdrant-client"
        "numpy"
        "httpx"
        "httpcore"
        "google-re2"
        "pytestCheckHook"
        "hypothesis"
        "prometheus-client"
      ]
    )
    // {
      buildPythonApplication = attrs: attrs;
    };
  package = import ../../nix/package.nix {
    inherit lib python3Packages;
    git = "/nix/store/22222222222222222222222222222222-git";
    openssh = "/nix/store/33333333333333333333333333333333-openssh";
  };
  relative = path: builtins.substring (builtins.stringLength root + 1) (builtins.stringLength (toString path)) (toString path);
in
{
  src = map relative package.src;
  disabledTestMarks = package.disabledTestMarks or [ ];
  inherit (package) makeWrapperArgs dependencies;
}
