#!/usr/bin/python3
"""The web page in headless Chromium (Debian's chromium + chromium-driver +
python3-selenium). usage: browser.py URL WORKDIR EXPECTED_TOTAL XSS_QUERY
Types "tariffs", ticks the first tag checkbox, checks the shown total is
EXPECTED_TOTAL (the CLI's for that filter; read from the page's own
/api/search is not enough), opens the first article, goes back, saves
screenshots; then searches XSS_QUERY over the hostile stories: no alert,
the markup shown as text. Prints one line per failure; exits 1 on any."""
import json
import sys
import time

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

url, work, expected_total = sys.argv[1], sys.argv[2], sys.argv[3]
failures = []


def check(what, ok):
    if not ok:
        failures.append(what)
        print("FAIL: " + what)


def no_alert(driver):
    try:
        driver.switch_to.alert.dismiss()
        return False
    except NoAlertPresentException:
        return True


opts = webdriver.ChromeOptions()
for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,900",
          "--disable-dev-shm-usage"):
    opts.add_argument(a)
driver = webdriver.Chrome(service=webdriver.ChromeService("/usr/bin/chromedriver"), options=opts) \
    if hasattr(webdriver, "ChromeService") else webdriver.Chrome(options=opts)
wait = WebDriverWait(driver, 10)
try:
    driver.get(url + "/")
    wait.until(ec.presence_of_element_located((By.ID, "total")))
    driver.find_element(By.TAG_NAME, "body").send_keys("/")
    check("'/' focuses the search box",
          driver.switch_to.active_element == driver.find_element(By.ID, "q"))
    box = driver.find_element(By.ID, "q")
    box.send_keys("tariffs", Keys.ENTER)
    wait.until(lambda d: "q=tariffs" in d.current_url and d.find_elements(By.CSS_SELECTOR, ".hit"))
    driver.save_screenshot(work + "/1-search.png")
    tick = driver.find_element(By.CSS_SELECTOR, 'input[data-filter^="tag="]')
    tag = tick.get_attribute("data-filter")
    tick.click()
    wait.until(lambda d: "filter=" in d.current_url)
    wait.until(lambda d: d.find_element(By.ID, "total").text == expected_total)
    check("shown total %s is the CLI's %s" % (driver.find_element(By.ID, "total").text,
                                               expected_total),
          driver.find_element(By.ID, "total").text == expected_total)
    check("the chip shows the filter", any(tag.split("=", 1)[1] in c.text
                                           for c in driver.find_elements(By.CSS_SELECTOR, ".chip")))
    print("ticked " + tag)
    driver.save_screenshot(work + "/2-filtered.png")
    title = driver.find_element(By.CSS_SELECTOR, ".hit .title")
    title_text = title.text
    title.click()
    wait.until(lambda d: d.find_element(By.ID, "article-title").text == title_text)
    driver.save_screenshot(work + "/3-article.png")
    driver.back()
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".hit") and "article=" not in d.current_url)
    check("back: the filtered total again", driver.find_element(By.ID, "total").text == expected_total)
    driver.set_window_size(390, 844)
    driver.save_screenshot(work + "/4-phone.png")
    driver.set_window_size(1200, 900)

    # Hostile stories: markup in title, author, body and tags.
    driver.get(url + "/?q=" + sys.argv[4])
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".hit"))
    time.sleep(0.5)
    check("no alert on the results", no_alert(driver))
    page = driver.find_element(By.TAG_NAME, "body").text
    check("title shown literally", "<script>alert(1)</script>" in page)
    check("attribute breaker shown literally", '"><img src=x onerror=alert(1)>' in page)
    check("no injected img", not driver.find_elements(By.CSS_SELECTOR, "img"))
    driver.save_screenshot(work + "/5-xss-results.png")
    driver.find_element(By.CSS_SELECTOR, ".hit .title").click()
    wait.until(ec.presence_of_element_located((By.ID, "article-title")))
    time.sleep(0.5)
    check("no alert in the article", no_alert(driver))
    check("no script or img in the article",
          not driver.find_elements(By.CSS_SELECTOR, "#article script, #article img"))
    check("article body literal", "<script>alert(1)</script>" in
          driver.find_element(By.ID, "article").text)
    driver.save_screenshot(work + "/6-xss-article.png")

    # Copies: one hit standing for three stories, until grouping is off.
    driver.get(url + "/?q=okapi")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".hit"))
    check("copies grouped: one hit", len(driver.find_elements(By.CSS_SELECTOR, ".hit")) == 1)
    check("the hit says + 2 copies", "+ 2 copies from" in
          driver.find_element(By.CSS_SELECTOR, ".hit .copies").text)
    check("3 stories (1 distinct)", "3 stories (1 distinct)" in
          driver.find_element(By.ID, "summary").text)
    driver.save_screenshot(work + "/7-copies.png")
    driver.find_element(By.ID, "collapse").click()
    wait.until(lambda d: "collapse=0" in d.current_url and
               len(d.find_elements(By.CSS_SELECTOR, ".hit")) == 3)
    check("ungrouped: three hits", len(driver.find_elements(By.CSS_SELECTOR, ".hit")) == 3)
except TimeoutException as e:
    failures.append("timed out: %s at %s" % (e, driver.current_url))
    print("FAIL: timed out at " + driver.current_url)
    driver.save_screenshot(work + "/timeout.png")
finally:
    driver.quit()
sys.exit(1 if failures else 0)
