import pytest

from factcheck.devices import resolve_device


def test_a_named_device_is_kept_and_none_picks_one():
    assert resolve_device("cuda:1") == "cuda:1"
    assert resolve_device(None) in ("cpu", "cuda")


def test_choosing_the_device_does_not_import_pytorch_where_no_gpu_driver_is_present():
    import subprocess
    import sys

    probe = ("import sys; from factcheck.devices import resolve_device, _nvidia_driver; "
             "print(resolve_device(None), _nvidia_driver(), 'torch' in sys.modules)")
    device, driver, imported = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                                              check=True).stdout.split()
    if driver == "False":
        assert (device, imported) == ("cpu", "False")


def test_models_run_in_bfloat16_on_a_gpu_that_has_it_float16_on_older_ones_float32_on_the_cpu(monkeypatch):
    torch = pytest.importorskip("torch")
    from factcheck.devices import half_precision

    assert half_precision("cpu") is None
    monkeypatch.setattr(torch.cuda, "is_bf16_supported", lambda *a, **k: True)
    assert half_precision("cuda:1") is torch.bfloat16
    monkeypatch.setattr(torch.cuda, "is_bf16_supported", lambda *a, **k: False)
    assert half_precision("cuda") is torch.float16
