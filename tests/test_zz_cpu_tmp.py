import cProfile, pstats, io, time
import pytest
from django.test import Client
pytestmark = pytest.mark.django_db

def test_cpu(settings):
    c = Client()
    for url in ["/catalogue/", "/"]:
        for _ in range(3): c.get(url)
        pr = cProfile.Profile(); t = time.process_time()
        pr.enable()
        for _ in range(5): c.get(url)
        pr.disable()
        print(f"\n{url} cpu/req {(time.process_time()-t)/5*1000:.0f} ms")
        s = io.StringIO(); pstats.Stats(pr, stream=s).sort_stats("cumulative").print_stats(45); print(s.getvalue()[:9000])
