{
  description = "fedlearn: keep what a self-hosted AI stack learned in git and share it between machines";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-25.11";

  # This flake only wires: the package, module and tests live in nix/.
  outputs =
    { self, nixpkgs }:
    let
      inherit (nixpkgs) lib;
      systems = [
        "x86_64-linux"
        "aarch64-linux"
      ];
      forAllSystems = f: lib.genAttrs systems (system: f nixpkgs.legacyPackages.${system});
      packageFor = pkgs: self.packages.${pkgs.stdenv.hostPlatform.system}.fedlearn;

      # `nix run .#<job>` runs `fedlearn <job>` with any further arguments; `nix run .` is the CLI.
      jobApp = pkgs: job: {
        type = "app";
        program = lib.getExe (
          pkgs.writeShellScriptBin "fedlearn-${job}" ''
            exec ${lib.getExe (packageFor pkgs)} ${job} "$@"
          ''
        );
        meta.description = "Run fedlearn ${job}";
      };
    in
    {
      overlays.default = final: _prev: { fedlearn = final.callPackage ./nix/package.nix { }; };

      # The module builds the package with the system's own pkgs (its overlays, its Python), so
      # this flake's nixpkgs input is not evaluated for a system that imports it.
      nixosModules.default = ./nix/module.nix;

      packages = forAllSystems (pkgs: rec {
        fedlearn = pkgs.callPackage ./nix/package.nix { };
        default = fedlearn;
      });

      apps = forAllSystems (
        pkgs:
        lib.genAttrs [
          "sync"
          "export"
          "import"
          "publish"
          "pull"
        ] (jobApp pkgs)
        // {
          default = {
            type = "app";
            program = lib.getExe (packageFor pkgs);
            meta.description = "Run the fedlearn command line";
          };
        }
      );

      checks = forAllSystems (pkgs: {
        package = packageFor pkgs;
        module = import ./nix/tests/module.nix {
          inherit pkgs;
          inherit (nixpkgs.lib) nixosSystem;
          module = self.nixosModules.default;
        };
        vm = pkgs.testers.runNixOSTest (import ./nix/tests/vm.nix { module = self.nixosModules.default; });
      });

      devShells = forAllSystems (pkgs: {
        default = pkgs.mkShell {
          packages = [
            (pkgs.python3.withPackages (
              python: with python; [
                msgspec
                attrs
                cattrs
                tenacity
                qdrant-client
                numpy
                httpx
                httpcore
                hatchling
                google-re2
                pytest
                pytest-xdist
                hypothesis
                prometheus-client
                mypy
              ]
            ))
            pkgs.ruff
            pkgs.git
            pkgs.nixfmt
          ];
        };
      });

      formatter = forAllSystems (pkgs: pkgs.nixfmt-tree);
    };
}
